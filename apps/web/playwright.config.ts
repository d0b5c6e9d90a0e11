import { defineConfig } from '@playwright/test';

// Browser journeys against the real api, worker, PostgreSQL, Redis and Meilisearch, in Debian's
// Chromium (no browser download). global-setup starts the product on a fresh schema and prefixes.
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.pw.ts',
  globalSetup: './e2e/global-setup.ts',
  globalTeardown: './e2e/global-teardown.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  // Per port, so runs side by side (a developer's and CI's) do not clear each other's traces.
  outputDir: `../../var/playwright-${process.env.WEB_TEST_PORT ?? '3199'}`,
  use: {
    baseURL: process.env.WEB_BASE_URL ?? `http://127.0.0.1:${process.env.WEB_TEST_PORT ?? '3199'}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
