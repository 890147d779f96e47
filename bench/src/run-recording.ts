/**
 * `npm run bench:recording` (in bench/): only the real-stack recording benchmarks, which are also the last
 * part of `npm run bench` (BENCH_RECORDING=skip leaves them out there). Needs the built web app, whose
 * recording layout egress opens: `npx turbo run build --filter=@assent/web`.
 *
 * BENCH_RECORDING_RUNS (10) timed recordings after one warm-up, each BENCH_RECORDING_HOLD_SECONDS (3) long;
 * BENCH_EGRESS_USAGE_SECONDS (10) of CPU/memory sampling in a 2- and a 3-person recording.
 */
import { runRecordingBench } from './recording/report';

await runRecordingBench();
