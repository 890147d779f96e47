/** `npm run bench`: runs each benchmark, prints a table and writes the numbers to bench/results/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { consentThroughput } from './consent-throughput';
import { joinThroughput } from './join-throughput';
import { runRecordingBench } from './recording/report';
import { runVaultBench } from './vault/report';
import { withdrawToStop } from './withdraw-to-stop';

const rounds = Number(process.env.BENCH_WITHDRAW_ROUNDS ?? 500);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);

console.log(`withdraw → StopEgress: ${rounds} withdrawals…`);
const withdraw = await withdrawToStop(rounds);
console.log(`consent throughput: 32 connections for ${seconds} s each…`);
const throughput = await consentThroughput({ connections: 32, seconds, consents: 20_000 });
console.log(
  `join endpoint vs bare token route: 32 connections, ${seconds} s, 2 rounds each, server on one core…`,
);
const joinRun = await joinThroughput({ connections: 32, seconds, rounds: 2 });

const ms = (v: number) => `${v.toFixed(2)} ms`;
console.table({
  'withdraw → stop() called': {
    n: withdraw.toStop.count,
    p50: ms(withdraw.toStop.p50),
    p95: ms(withdraw.toStop.p95),
    p99: ms(withdraw.toStop.p99),
    'req/s': '',
  },
  'withdraw response': {
    n: withdraw.response.count,
    p50: ms(withdraw.response.p50),
    p95: ms(withdraw.response.p95),
    p99: ms(withdraw.response.p99),
    'req/s': '',
  },
  'POST /api/recording/consent': {
    n: throughput.consent.requests,
    p50: ms(throughput.consent.latency.p50),
    p95: ms(throughput.consent.latency.p95),
    p99: ms(throughput.consent.latency.p99),
    'req/s': throughput.consent.perSecond,
  },
  'bare Hono JSON route': {
    n: throughput.bare.requests,
    p50: ms(throughput.bare.latency.p50),
    p95: ms(throughput.bare.latency.p95),
    p99: ms(throughput.bare.latency.p99),
    'req/s': throughput.bare.perSecond,
  },
  'POST /api/join (one core)': {
    n: joinRun.join.requests,
    p50: ms(joinRun.join.latency.p50),
    p95: ms(joinRun.join.latency.p95),
    p99: ms(joinRun.join.latency.p99),
    'req/s': joinRun.join.perSecond,
  },
  'bare route minting the same token (one core)': {
    n: joinRun.bare.requests,
    p50: ms(joinRun.bare.latency.p50),
    p95: ms(joinRun.bare.latency.p95),
    p99: ms(joinRun.bare.latency.p99),
    'req/s': joinRun.bare.perSecond,
  },
});
console.log(
  `join / bare token route = ${(joinRun.ratio * 100).toFixed(1)}% (target ≥ 80%); join errors: ${joinRun.join.errors}`,
);
console.log(
  `consent / bare = ${(throughput.ratio * 100).toFixed(1)}%; consent errors: ${throughput.consent.errors}` +
    (throughput.ranOutOfWork ? ' (ran out of prepared consents before the time was up)' : ''),
);

const dir = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(dir, { recursive: true });
const file = `${dir}consent-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
writeFileSync(
  file,
  `${JSON.stringify({ at: new Date().toISOString(), cpus: cpus().length, node: process.version, withdraw, throughput, join: joinRun }, null, 2)}\n`,
);
console.log(`written to bench/results/${file.slice(dir.length)}`);

// The recording vault: ingest against age, peak memory as files grow, seek time to first byte
// (BENCH_VAULT=skip leaves it out; BENCH_VAULT_BYTES shrinks it). Results go to bench/results/vault-*.json.
if (process.env.BENCH_VAULT !== 'skip') await runVaultBench();

// Last: a real stack with LiveKit Egress and Chromium publishers (BENCH_RECORDING=skip leaves it out).
if (process.env.BENCH_RECORDING !== 'skip') await runRecordingBench();
