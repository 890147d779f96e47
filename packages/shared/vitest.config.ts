import { defineConfig } from 'vitest/config';
import { testReporting } from '../../vitest.reporters';

export default defineConfig({ test: { ...testReporting('shared') } });
