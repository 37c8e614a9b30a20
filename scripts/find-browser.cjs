// Where is a Chromium for the end-to-end tests? Shared by playwright.config.ts and test-all.mjs, so the
// config and the "no browser" check look in the same places. CommonJS because Playwright's config loader
// compiles what the config imports to CommonJS. Node built-ins only (plus playwright-core, if it is
// installed, to learn where Playwright's own browser would be).
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS module (see above) */
'use strict';
const { existsSync } = require('node:fs');

/** Chromium from the system's package manager (Debian: `apt-get install -y chromium`). */
const SYSTEM_CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The one line that says how to get a browser. */
const INSTALL_HINT =
  'apt-get install -y chromium fonts-wqy-microhei (Debian), or npx playwright install chromium where it can be downloaded';

/** Where Playwright's own Chromium is (or would be) installed; null without playwright-core. */
function playwrightChromiumPath() {
  try {
    return require('playwright-core').chromium.executablePath() || null;
  } catch {
    return null;
  }
}

/**
 * The first existing browser: a system Chromium first (tests launch it by path), then Playwright's own
 * (tests let Playwright launch it). Returns `{ path, source: 'system' | 'playwright' }`, or null when none exists.
 */
function findChromium({ systemPaths = SYSTEM_CHROMIUM_PATHS, playwrightPath = playwrightChromiumPath(), exists = existsSync } = {}) {
  for (const path of systemPaths) if (exists(path)) return { path, source: 'system' };
  if (playwrightPath && exists(playwrightPath)) return { path: playwrightPath, source: 'playwright' };
  return null;
}

module.exports = { SYSTEM_CHROMIUM_PATHS, INSTALL_HINT, playwrightChromiumPath, findChromium };
