import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS } from './e2e/support/chromium-args';
import { freePort } from './e2e/support/free-port';
import { TEST_ORGANISER } from './e2e/support/organiser';
import { systemChromium } from './e2e/support/system-chromium';

// Workers evaluate this file again; they inherit the port the main process picked.
process.env.CW_E2E_PORT ??= String(freePort());
const baseURL = `http://127.0.0.1:${process.env.CW_E2E_PORT}`;

const executablePath = systemChromium();
const browserUse = {
  ...devices['Desktop Chrome'],
  launchOptions: { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS },
};
const DEV_SERVER_SPEC = 'dev-server.spec.ts';

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/support/ensure-browser.ts',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  // One embedded database serves every test: two workers keep a 2-core machine responsive.
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // The app's service worker would fetch every file of the app ahead of time in each test's new
    // browser, and Playwright reports no downloads of pages a service worker controls: the tests
    // of working offline (paper-restart.spec.ts) allow it, the others do without.
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: DEV_SERVER_SPEC,
      use: browserUse,
    },
    {
      // `pnpm dev` rebuilds the packages the other tests run from: it runs once they are done.
      name: 'dev-server',
      testMatch: DEV_SERVER_SPEC,
      dependencies: ['chromium'],
      use: browserUse,
    },
  ],
  webServer: {
    command: 'node e2e/support/serve-app.mjs',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: {
      HOST: '127.0.0.1',
      PORT: process.env.CW_E2E_PORT,
      PUBLIC_URL: baseURL,
      WEB_DIST: fileURLToPath(new URL('dist', import.meta.url)),
      // Every test signs in from the same address.
      LOGIN_RATE_LIMIT: '10000',
      BOOTSTRAP_ADMIN_EMAIL: TEST_ORGANISER.email,
      BOOTSTRAP_ADMIN_PASSWORD: TEST_ORGANISER.password,
      BOOTSTRAP_ADMIN_NAME: TEST_ORGANISER.name,
    },
  },
});
