import { defineConfig } from '@playwright/test';
import { SANDBOX_PORT } from './e2e/ports';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Each test launches its own Chromium with the extension; two cores fit one worker.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: { trace: 'retain-on-failure' },
  webServer: {
    command: `npx tsx sandbox/main.ts`,
    url: `http://127.0.0.1:${SANDBOX_PORT}/_sandbox/health`,
    env: { PORT: String(SANDBOX_PORT) },
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
