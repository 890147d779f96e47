/** `npm run bench:board -w @assent/bench`: whiteboard stroke → the others in the room, against the real stack. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { boardBench } from './board-latency';

const strokes = Number(process.env.BENCH_BOARD_STROKES ?? 10);
const updatesPerStroke = Number(process.env.BENCH_BOARD_UPDATES_PER_STROKE ?? 40);
// About 20 updates a second while the pen moves, as freehand drawing sends them.
const intervalMs = Number(process.env.BENCH_BOARD_INTERVAL_MS ?? 50);
const result = await boardBench({ strokes, updatesPerStroke, intervalMs, log: (m) => console.log(m) });

const ms = (v: number) => `${v.toFixed(1)} ms`;
console.table({
  'board stroke → received by another in the room': {
    n: result.strokeToReceived.count,
    p50: ms(result.strokeToReceived.p50),
    p95: ms(result.strokeToReceived.p95),
    p99: ms(result.strokeToReceived.p99),
    max: ms(result.strokeToReceived.max),
  },
  'POST /api/call/board/elements response': {
    n: result.sendResponse.count,
    p50: ms(result.sendResponse.p50),
    p95: ms(result.sendResponse.p95),
    p99: ms(result.sendResponse.p99),
    max: ms(result.sendResponse.max),
  },
});
console.log(`missing receipts: ${result.missing}; largest packet: ${result.largestPacketBytes} bytes`);

const dir = fileURLToPath(new URL('../../results/', import.meta.url));
mkdirSync(dir, { recursive: true });
const at = new Date().toISOString();
const file = `${dir}board-${at.replace(/[:.]/g, '-')}.json`;
writeFileSync(
  file,
  `${JSON.stringify({ at, cpus: cpus().length, node: process.version, ...result }, null, 2)}\n`,
);
console.log(`written to bench/results/${file.slice(dir.length)}`);
if (result.missing > 0) process.exitCode = 1;
