import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './fixtures/chromium';
import { e2ePorts } from './fixtures/ports';

/** E2E against the real stack (Redis, livekit-server, Assent server) started by global-setup on loopback. */
export default defineConfig({
  testDir: './specs',
  outputDir: './test-results',
  globalSetup: './global-setup.ts',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  // One browser session at a time: 2 cores are shared by Chromium tabs, livekit-server and the server.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: './test-results/results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${e2ePorts.server}`,
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
    permissions: ['camera', 'microphone'],
    viewport: { width: 1024, height: 640 },
    trace: 'retain-on-failure',
  },
});
