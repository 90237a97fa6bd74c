import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests in Debian's Chromium (Playwright cannot download its own here). The web server is the built app
 * (`scripts/e2e-server.mjs` builds it when `.next` is missing) on a free port, with a fresh DATA_DIR, the local
 * network on and the manual oracle, so that tests move prices through `/api/dev/prices`.
 */
const port = Number((process.env.E2E_PORT ??= String(40_000 + Math.floor(Math.random() * 20_000))));
/** `E2E_BASE_URL` points the tests at a server that already runs (no webServer is started then). */
const external = process.env.E2E_BASE_URL;
const baseURL = external ?? `http://127.0.0.1:${port}`;
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: { executablePath, args: chromiumArgs },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 }, launchOptions: { executablePath, args: chromiumArgs } } },
    {
      name: 'phone',
      use: { ...devices['Pixel 7'], browserName: 'chromium', launchOptions: { executablePath, args: chromiumArgs } },
    },
  ],
  webServer: external
    ? undefined
    : {
        command: `node scripts/e2e-server.mjs`,
        url: `${baseURL}/api/health`,
        timeout: 300_000,
        reuseExistingServer: false,
        env: { PORT: String(port) },
        stdout: 'pipe',
        stderr: 'pipe',
      },
});
