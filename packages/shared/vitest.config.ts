import { defineConfig } from 'vitest/config';
import { testReporting } from '../../vitest.reporters';

// Every core (Vitest's default leaves one idle: a single worker on a two-core machine).
export default defineConfig({ test: { ...testReporting('shared'), maxWorkers: '100%' } });
