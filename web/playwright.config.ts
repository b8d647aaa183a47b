import { defineConfig } from '@playwright/test';

// Browser tests against a real `vigil serve` (started by e2e/vigil.ts on a free loopback
// port with a fresh data dir, on SQLite or, with E2E_DATABASE=postgres, on a fresh PostgreSQL
// database) serving the built dist/. Debian's Chromium, no download. Besides the list, a JSON
// report (E2E_REPORT_FILE) gives scripts/test its counts.
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT_FILE ?? 'playwright-report/report.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'off',
  },
});
