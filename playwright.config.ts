import { defineConfig } from '@playwright/test';

/**
 * End-to-end: the real renderer and real main services (web host) in Debian's Chromium, against the cloud
 * sandbox. Playwright is pinned to 1.64.x, whose bundled Chromium (156) matches Debian's; `e2e/chromium-version.spec.ts`
 * fails loudly when Debian moves on. The `electron` project runs only where an Electron binary exists.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: '.cache/test-results',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  workers: 2,
  fullyParallel: true,
  retries: 0,
  use: {
    viewport: { width: 1920, height: 1080 },
    ignoreHTTPSErrors: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'chromium', testMatch: /e2e\/(?!electron\/).*\.spec\.ts$/ },
    { name: 'electron', testMatch: /e2e\/electron\/.*\.spec\.ts$/ },
  ],
});
