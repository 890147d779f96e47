/** `npm run bench:vault -w @assent/bench`: only the vault benchmarks (they also run in `npm run bench`). */
import { runVaultBench } from './report';

await runVaultBench();
