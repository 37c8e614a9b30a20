import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/find-browser.cjs';

/**
 * End-to-end tests drive the real console in Chromium against the real server, on a fresh
 * embedded database with the demo data. The renderer must be built first (`npm run build`).
 */
const port = Number(process.env.KEPT_E2E_PORT ?? 5311);
const baseURL = `http://127.0.0.1:${port}`;
// Playwright loads this file again in each worker; only the first load (the runner) starts the server.
const dataDir = process.env.KEPT_E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'kept-e2e-'));
process.env.KEPT_E2E_DATA_DIR = dataDir;

// A system Chromium is launched by path; otherwise Playwright's own browser (see scripts/find-browser.cjs).
const browser = findChromium();

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/artifacts',
  globalTeardown: './test/e2e/support/global-teardown.ts',
  use: {
    baseURL,
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    launchOptions: {
      ...(browser?.source === 'system' ? { executablePath: browser.path } : {}),
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
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    // Test mode: a page without a session acts as 20001 (林晓), as every spec expects; sign-in.spec.ts signs in on its own server.
    command: `npx tsx server/main.ts --port ${port} --data-dir ${dataDir} --agent 20001 --test-clock`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    // The server logs a line per request; the suite's output stays readable without them (errors still show).
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
