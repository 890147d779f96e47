import { defineConfig } from 'vitest/config';
import { testReporting } from '../../vitest.reporters';

export default defineConfig({
  test: {
    ...testReporting('server'),
    // One worker per core. Vitest's default is one fewer, which on a two-core machine is a single worker.
    // Files do not share state: each opens its own in-memory SQLite database, its own PostgreSQL schema,
    // its own temporary vault directory and its own loopback ports.
    maxWorkers: '100%',
    // Two workers on two cores leave a test less headroom when the machine is busy: an API test that runs
    // whole flows (sign-ins, sessions, webhooks) on both databases may take several seconds.
    testTimeout: 15_000,
  },
});
