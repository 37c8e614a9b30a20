import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium, INSTALL_HINT, SYSTEM_CHROMIUM_PATHS } from '../../scripts/find-browser.cjs';

const onDisk =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe('findChromium', () => {
  it('prefers a system Chromium, in the order given', () => {
    const systemPaths = ['/opt/a/chromium', '/opt/b/chromium'];
    expect(findChromium({ systemPaths, playwrightPath: '/pw/chrome', exists: onDisk('/opt/b/chromium', '/pw/chrome') })).toEqual({
      path: '/opt/b/chromium',
      source: 'system',
    });
    expect(findChromium({ systemPaths, playwrightPath: '/pw/chrome', exists: onDisk('/opt/a/chromium', '/opt/b/chromium') })).toEqual({
      path: '/opt/a/chromium',
      source: 'system',
    });
  });

  it("falls back to Playwright's own browser when it is installed", () => {
    expect(findChromium({ systemPaths: ['/opt/a/chromium'], playwrightPath: '/pw/chrome', exists: onDisk('/pw/chrome') })).toEqual({
      path: '/pw/chrome',
      source: 'playwright',
    });
  });

  it('finds nothing when no path exists, or when playwright-core does not say where its browser is', () => {
    expect(findChromium({ systemPaths: ['/opt/a/chromium'], playwrightPath: '/pw/chrome', exists: onDisk() })).toBeNull();
    expect(findChromium({ systemPaths: ['/opt/a/chromium'], playwrightPath: null, exists: onDisk('/pw/chrome') })).toBeNull();
    expect(findChromium({ systemPaths: [], playwrightPath: null, exists: () => true })).toBeNull();
  });

  it("looks for Debian's Chromium first and names both ways to install one", () => {
    expect(SYSTEM_CHROMIUM_PATHS[0]).toBe('/usr/bin/chromium');
    expect(INSTALL_HINT).toContain('apt-get install -y chromium fonts-wqy-microhei');
    expect(INSTALL_HINT).toContain('npx playwright install chromium');
  });

  it('loads in plain Node, as test-all.mjs uses it', () => {
    const script = join(import.meta.dirname, '../../scripts/find-browser.cjs');
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { findChromium } from ${JSON.stringify(script)}; console.log(JSON.stringify(findChromium({ systemPaths: [], playwrightPath: null })));`,
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('null');
  });
});
