#!/usr/bin/env node
// The whole test suite, as README and CI run it: gates (types, lint, build, Electron checklist),
// then vitest, then Playwright against a real server in Chromium. Ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium, INSTALL_HINT, SYSTEM_CHROMIUM_PATHS } from './find-browser.cjs';

const root = join(import.meta.dirname, '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

let passed = 0;
let failed = 0;
const lines = [];

function step(name, command, args, options = {}) {
  const started = Date.now();
  process.stdout.write(`\n▶ ${name}\n`);
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...options.env } });
  const ok = run.status === 0;
  lines.push(`${ok ? '✓' : '✗'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function gate(name, command, args) {
  if (step(name, command, args)) passed += 1;
  else failed += 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

gate('typecheck (tsc -b, project references)', bin('tsc'), ['-b']);
gate('lint (eslint, layering rules)', bin('eslint'), ['.', '--max-warnings=0']);
gate('format (prettier --check)', bin('prettier'), ['--check', '.', '--log-level=warn']);
const built = step('build (electron-vite)', bin('electron-vite'), ['build']);
if (built) passed += 1;
else failed += 1;
if (existsSync(join(root, 'tools/electronegativity/check.mjs'))) {
  gate('electron security scan (electronegativity)', process.execPath, [join(root, 'tools/electronegativity/check.mjs')]);
}

const vitestJson = join(results, 'vitest.json');
rmSync(vitestJson, { force: true });
step('unit, integration and smoke tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const vitest = readJson(vitestJson);
if (vitest) {
  passed += vitest.numPassedTests;
  failed +=
    vitest.numFailedTests +
    (vitest.numTotalTests - vitest.numPassedTests - vitest.numFailedTests - (vitest.numPendingTests ?? 0) - (vitest.numTodoTests ?? 0));
  lines.push(`  vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`);
} else {
  failed += 1;
  lines.push('  vitest: no report (the run crashed)');
}

const e2eJson = join(results, 'e2e.json');
rmSync(e2eJson, { force: true });
const browser = findChromium();
if (built && existsSync(join(root, 'playwright.config.ts')) && !browser) {
  // Without a browser every spec would fail in a few ms each: say so in one line and count one failure.
  const line = `✗ end-to-end tests not run: no Chromium (${SYSTEM_CHROMIUM_PATHS[0]} or Playwright's own); install one: ${INSTALL_HINT}`;
  process.stdout.write(`\n${line}\n`);
  lines.push(line);
  failed += 1;
} else if (built && existsSync(join(root, 'playwright.config.ts'))) {
  step('end-to-end tests (Playwright, Chromium, real server)', bin('playwright'), ['test'], {
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson },
  });
  const e2e = readJson(e2eJson);
  if (e2e?.stats) {
    const ok = e2e.stats.expected + (e2e.stats.flaky ?? 0);
    const bad = e2e.stats.unexpected;
    passed += ok;
    failed += bad;
    lines.push(`  playwright: ${ok} passed, ${bad} failed${e2e.stats.flaky ? ` (${e2e.stats.flaky} flaky)` : ''}`);
  } else {
    failed += 1;
    lines.push('  playwright: no report (the run crashed)');
  }
} else if (!built) {
  failed += 1;
  lines.push('✗ end-to-end tests skipped: the build failed');
}

console.log(`\n${lines.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
