import { defineConfig } from 'vitest/config';
import { testReporting } from '../../vitest.reporters';

/** The bundle budget reads the finished build, so it runs after `npm run build`, apart from the unit tests. */
export default defineConfig({
  test: { ...testReporting('web-budget'), include: ['build/**/*.budget.test.ts'] },
});
