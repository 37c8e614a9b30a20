#!/usr/bin/env node
// The Electron security gate: runs electronegativity over the desktop code and fails on any
// finding that accepted.json does not accept with a reason. electronegativity's CLI always exits
// 0 and, when writing a report, drops parse errors silently; so this runs its runner (the code its
// CLI runs), fails on files it could not parse, and reads the SARIF report it writes.
//
//   node tools/electronegativity/check.mjs [--input <dir>] [--accepted <file>] [--electron <version>]
//
// Defaults: the repository's main/ folder, ./accepted.json (file paths relative to the scanned
// folder), and the Electron version pinned in the root package.json. Installs its own
// dependencies (npm ci here) on first use.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';

const HERE = import.meta.dirname;
const ROOT = resolve(HERE, '..', '..');
const CLI = join(HERE, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const SOURCE = /\.(ts|tsx|js|jsx|mjs|cjs|html|htm)$/;

function fail(message) {
  console.error(`electronegativity gate: ${message}`);
  process.exit(2);
}

function pinnedElectronVersion() {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const pin = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  if (!pin || !/^\d+\.\d+\.\d+$/.test(pin)) fail(`package.json must pin electron to an exact version (found "${pin}").`);
  return pin;
}

function installIfMissing() {
  if (existsSync(CLI)) return;
  console.log('Installing electronegativity (npm ci in tools/electronegativity) ...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: HERE, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0 || !existsSync(CLI)) fail('could not install it; run `npm ci` in tools/electronegativity.');
}

/** accepted.json: every entry needs a reason a reviewer can check. */
function readAccepted(file) {
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`cannot read ${file}: ${error.message}`);
  }
  const accepted = Array.isArray(data.accepted) ? data.accepted : [];
  const excluded = Array.isArray(data.excludedChecks) ? data.excludedChecks : [];
  for (const entry of [...accepted, ...excluded]) {
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < 20)
      fail(`every entry in ${file} needs a reason (at least a sentence): ${JSON.stringify(entry)}`);
  }
  for (const entry of accepted) {
    if (typeof entry.check !== 'string' || typeof entry.file !== 'string' || typeof entry.code !== 'string' || entry.code.trim() === '')
      fail(`an accepted finding names its check, file and a piece of the flagged code: ${JSON.stringify(entry)}`);
  }
  for (const entry of excluded)
    if (typeof entry.check !== 'string') fail(`an excluded check needs its class name: ${JSON.stringify(entry)}`);
  return { accepted, excluded };
}

/** Inline `eng-disable` comments would silence findings where no reviewer looks; accepted.json is the one place. */
function inlineSuppressions(dir) {
  const found = [];
  const visit = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (SOURCE.test(entry.name) && /eng-disable/.test(readFileSync(path, 'utf8'))) found.push(relative(ROOT, path));
    }
  };
  visit(dir);
  return found;
}

function lineOf(file, line) {
  try {
    return readFileSync(file, 'utf8').split(/\r?\n/)[line - 1] ?? '';
  } catch {
    return '';
  }
}

/** electronegativity writes its report with an un-awaited fs.writeFile: wait until it is complete. */
async function readReport(file) {
  for (let waited = 0; waited < 10_000; waited += 50) {
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      await delay(50);
    }
  }
  fail(`electronegativity wrote no readable report at ${file}.`);
}

/** Runs electronegativity's own runner (what its CLI runs) so parse errors are not lost, and reads its SARIF report. */
async function scan(input, electronVersion, excludedChecks) {
  const engine = createRequire(CLI);
  const known = ['AtomicChecks', 'GlobalChecks'].flatMap((d) =>
    readdirSync(join(dirname(CLI), 'finder', 'checks', d))
      .filter((f) => f.endsWith('Check.js'))
      .map((f) => f.slice(0, -3)),
  );
  for (const check of excludedChecks)
    if (!known.includes(check)) fail(`"${check}" is not an electronegativity check (one of: ${known.join(', ')}).`);

  // The tool fetches updated message translations and Electron's release list over the network.
  // Neither changes what is found (English messages ship with it; the release check is excluded
  // in accepted.json), so the gate answers offline and the same way every day.
  const got = engine.resolve('got');
  engine.cache[got] = { id: got, filename: got, loaded: true, exports: () => Promise.reject(new Error('offline by design')) };

  const outDir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  const report = join(outDir, 'report.sarif');
  try {
    process.env.LANG = 'en-US';
    await engine('./locales/i18n.js')(); // installs the global `__` the checks use for their messages
    const run = engine('./runner.js');
    const result = await run(
      {
        input,
        output: report,
        isSarif: true,
        customScan: [],
        excludeFromScan: excludedChecks,
        isRelative: true,
        isVerbose: false,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );
    // A file that does not parse is a file that was not checked.
    const parseErrors = (result?.errors ?? []).filter((e) => !e.tolerable);
    if (parseErrors.length > 0)
      fail(
        `some files could not be parsed, so they were not checked:\n${parseErrors.map((e) => `  ${relative(ROOT, e.file)}: ${e.message}`).join('\n')}`,
      );
    const sarif = await readReport(report);
    return (sarif.runs?.[0]?.results ?? []).map((finding) => {
      const location = finding.locations?.[0]?.physicalLocation;
      const uri = location?.artifactLocation?.uri ?? '';
      const line = location?.region?.startLine ?? 0;
      // Global findings ("nothing limits navigation") have no file.
      const global = uri === '' || uri === 'N/A' || uri.startsWith('file:');
      // Paths relative to the scanned folder, as accepted.json names them ("app/index.ts" under main/).
      const file = global ? 'N/A' : relative(input, resolve(input, uri)).split('\\').join('/');
      const code = global ? '' : lineOf(resolve(input, uri), line).trim();
      return { check: finding.ruleId, file, line, code, message: finding.message?.text ?? '' };
    });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function main() {
  const { values } = parseArgs({
    options: { input: { type: 'string' }, accepted: { type: 'string' }, electron: { type: 'string' } },
  });
  const input = resolve(values.input ?? join(ROOT, 'main'));
  const acceptedFile = resolve(values.accepted ?? join(HERE, 'accepted.json'));
  const electronVersion = values.electron ?? pinnedElectronVersion();
  if (!existsSync(input)) fail(`no such input: ${input}`);

  installIfMissing();
  const { accepted, excluded } = readAccepted(acceptedFile);

  const suppressed = inlineSuppressions(input);
  if (suppressed.length > 0)
    fail(`inline eng-disable comments are not allowed (accept in accepted.json with a reason):\n  ${suppressed.join('\n  ')}`);

  const findings = await scan(
    input,
    electronVersion,
    excluded.map((e) => e.check),
  );
  const isAccepted = (f) => accepted.find((a) => a.check === f.check && a.file === f.file && f.code.includes(a.code));
  const open = findings.filter((f) => !isAccepted(f));
  const unused = accepted.filter((a) => !findings.some((f) => a.check === f.check && a.file === f.file && f.code.includes(a.code)));

  console.log(
    `electronegativity ${electronVersion}: ${findings.length} finding(s) in ${input}, ${findings.length - open.length} accepted, ${open.length} open.`,
  );
  for (const f of findings.filter(isAccepted)) console.log(`  accepted  ${f.check}  ${f.file}:${f.line}  — ${isAccepted(f).reason}`);
  for (const a of unused) console.log(`  note: accepted entry no longer matches anything (remove it?): ${a.check} ${a.file} "${a.code}"`);
  for (const f of open) console.log(`  OPEN      ${f.check}  ${f.file}:${f.line}  ${f.message}\n            ${f.code}`);
  process.exit(open.length === 0 ? 0 : 1);
}

await main();
