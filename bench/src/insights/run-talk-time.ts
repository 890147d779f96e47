/**
 * `npm run bench:talk-time -w @assent/bench`: what talk time costs the Assent server per live session.
 * BENCH_TALK_SESSIONS (default 1,5,20) session counts, BENCH_TALK_SEATS (2) bots per session,
 * BENCH_TALK_SAMPLE_SECONDS (20) of sampling per count, once with the policy's talk time off (the
 * baseline) and once on. Run it under `nice` on a shared machine. Every bot runs in this one process: on a
 * loaded 2-core machine its LiveKit SDK failed connects past about 70 rooms (50 sessions of 2 seats).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type TalkCostResult, type TalkPhase, talkTimeCost } from './talk-time-cost';

const list = (name: string, fallback: string) => {
  const values = (process.env[name] ?? fallback).split(',').map(Number);
  if (values.some((v) => !Number.isInteger(v) || v < 1))
    throw new Error(`${name}: whole numbers ≥ 1, comma-separated`);
  return values;
};
const options = {
  sessionCounts: list('BENCH_TALK_SESSIONS', '1,5,20'),
  seats: list('BENCH_TALK_SEATS', '2')[0] ?? 2,
  sampleSeconds: list('BENCH_TALK_SAMPLE_SECONDS', '20')[0] ?? 20,
};
console.log(
  `talk time on a real stack: ${options.sessionCounts.join(', ')} live session(s) of ${options.seats} seats, ` +
    `${options.sampleSeconds} s of sampling each, talk time off (baseline) then on…`,
);
const loadBefore = loadavg();
const result = await talkTimeCost({ ...options, log: (m) => console.log(`  ${m}`) });

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Per-session figures for one session count: the baseline, talk time on, and the observer's part. */
function perSession(result: TalkCostResult, off: TalkPhase, on: TalkPhase) {
  const n = on.sessions;
  const idle = result.idle.server;
  const offCpu = (off.server.cpuMeanPercent - idle.cpuMeanPercent) / n;
  const onCpu = (on.server.cpuMeanPercent - idle.cpuMeanPercent) / n;
  return {
    sessions: n,
    'server CPU, off (% core)': off.server.cpuMeanPercent,
    'server CPU, on (% core)': on.server.cpuMeanPercent,
    'on / off':
      off.server.cpuMeanPercent > 0 ? round2(on.server.cpuMeanPercent / off.server.cpuMeanPercent) : '—',
    'per session, off (% core)': round2(offCpu),
    'per session, on (% core)': round2(onCpu),
    'observer per session (% core)': round2(onCpu - offCpu),
    'observer CPU s per session-hour': round2(((onCpu - offCpu) / 100) * 3600),
    'RSS off (MB)': off.server.rssMeanMb,
    'RSS on (MB)': on.server.rssMeanMb,
    'observer RSS per session (MB)': round2((on.server.rssMeanMb - off.server.rssMeanMb) / n),
    'livekit CPU off / on (% core)': `${off.livekit.cpuMeanPercent} / ${on.livekit.cpuMeanPercent}`,
  };
}

const rows = options.sessionCounts.flatMap((n) => {
  const off = result.phases.find((p) => p.sessions === n && !p.talkTime);
  const on = result.phases.find((p) => p.sessions === n && p.talkTime);
  return off && on ? [perSession(result, off, on)] : [];
});
console.table(rows);
console.log(
  `idle server (no session live): CPU ${result.idle.server.cpuMeanPercent}% of a core, RSS ${result.idle.server.rssMeanMb} MB; ` +
    `idle livekit-server: CPU ${result.idle.livekit.cpuMeanPercent}%`,
);
for (const phase of result.phases.filter((p) => p.talkTime)) {
  console.log(
    `${phase.sessions} observed session(s): ${phase.observations} observation(s), ${phase.stretches} speaking stretches stored during the phase`,
  );
}
if (result.incidents.length > 0) console.log(`stack incidents: ${result.incidents.join('; ')}`);
const load = loadavg();
console.log(
  `machine: ${cpus().length} cores, load average ${loadBefore[0]?.toFixed(2)} before, ${load[0]?.toFixed(2)} after; ` +
    `stack started in ${result.stackStartSeconds} s; bench took ${result.totalSeconds} s`,
);

const dir = fileURLToPath(new URL('../../results/', import.meta.url));
mkdirSync(dir, { recursive: true });
const at = new Date().toISOString();
const file = `${dir}talk-time-${at.replace(/[:.]/g, '-')}.json`;
writeFileSync(
  file,
  `${JSON.stringify({ at, cpus: cpus().length, node: process.version, loadAverageBefore: loadBefore, loadAverageAfter: load, options, perSession: rows, ...result }, null, 2)}\n`,
);
console.log(`written to bench/results/${file.slice(dir.length)}`);
