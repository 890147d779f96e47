/** `npm run bench:chat -w @assent/bench`: chat message send → the others' pages, against the real stack. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chatBench } from './chat-latency';

const messages = Number(process.env.BENCH_CHAT_MESSAGES ?? 120);
const gapMs = Number(process.env.BENCH_CHAT_GAP_MS ?? 400);
const result = await chatBench({ messages, gapMs, log: (m) => console.log(m) });

const ms = (v: number) => `${v.toFixed(1)} ms`;
console.table({
  'chat send → announced on another page': {
    n: result.sendToReceived.count,
    p50: ms(result.sendToReceived.p50),
    p95: ms(result.sendToReceived.p95),
    p99: ms(result.sendToReceived.p99),
    max: ms(result.sendToReceived.max),
  },
  'POST /api/call/chat response': {
    n: result.sendResponse.count,
    p50: ms(result.sendResponse.p50),
    p95: ms(result.sendResponse.p95),
    p99: ms(result.sendResponse.p99),
    max: ms(result.sendResponse.max),
  },
});

const dir = fileURLToPath(new URL('../../results/', import.meta.url));
mkdirSync(dir, { recursive: true });
const at = new Date().toISOString();
const file = `${dir}chat-${at.replace(/[:.]/g, '-')}.json`;
writeFileSync(
  file,
  `${JSON.stringify({ at, cpus: cpus().length, node: process.version, ...result }, null, 2)}\n`,
);
console.log(`written to bench/results/${file.slice(dir.length)}`);
