import { defineConfig } from 'vitest/config';
import { testReporting } from '../vitest.reporters';

// The stack runner's tests start real processes (Redis, PostgreSQL) on a shared machine: give them time.
export default defineConfig({
  test: { ...testReporting('scripts'), testTimeout: 90_000, hookTimeout: 90_000 },
});
