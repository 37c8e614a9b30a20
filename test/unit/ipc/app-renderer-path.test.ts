import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPageRoute, resolveRendererPath } from '../../../main/app/renderer-path';

const ROOT = resolve('/srv/kept/out/renderer');

describe('resolveRendererPath (the app:// path-traversal guard)', () => {
  it.each([
    ['app://kept/', 'index.html'],
    ['app://kept/index.html', 'index.html'],
    ['app://kept/assets/index-abc123.js', 'assets/index-abc123.js'],
    ['app://kept/assets/./logo.svg', 'assets/logo.svg'],
    ['app://kept/fonts/%E5%AE%88%E7%BA%A6.woff2', 'fonts/守约.woff2'],
    ['app://kept/index.html?v=1#top', 'index.html'],
  ])('maps %s inside the renderer', (url, inside) => {
    expect(resolveRendererPath(ROOT, url)).toEqual({ ok: true, file: join(ROOT, inside) });
  });

  it.each([
    // Plain ".." is normalised away by the URL parser itself; these survive it.
    ['encoded dot-dot with encoded slashes', 'app://kept/%2e%2e%2f%2e%2e%2fpackage.json', 403],
    ['dot-dot with encoded slashes', 'app://kept/..%2f..%2f..%2fetc%2fpasswd', 403],
    ['upper-case encoding', 'app://kept/%2E%2E%2F%2E%2E%2Fpackage.json', 403],
    ['backslashes', 'app://kept/..\\..\\package.json', 403],
    ['encoded backslashes', 'app://kept/..%5c..%5cpackage.json', 403],
    ['an encoded absolute path', 'app://kept/%2fetc%2fpasswd', 403],
    ['an absolute path behind a double slash', 'app://kept//etc/passwd', 403],
    ['a Windows drive', 'app://kept/C:/Windows/win.ini', 403],
    ['an NTFS stream', 'app://kept/index.html::$DATA', 403],
    ['a null byte', 'app://kept/index.html%00.png', 400],
    ['broken percent-encoding', 'app://kept/%E0%A4%A', 400],
    ['another host', 'app://other/index.html', 404],
    ['another scheme', 'file:///etc/passwd', 404],
    ['not a URL', 'not a url', 400],
  ] as const)('refuses %s', (_label, url, status) => {
    const result = resolveRendererPath(ROOT, url);
    expect(result).toMatchObject({ ok: false, status });
  });

  it('never returns a file outside the root, whatever the URL parser does to dot segments', () => {
    for (const url of ['app://kept/../../../etc/passwd', 'app://kept/%2e%2e/%2e%2e/etc/passwd', 'app://kept/a/../../b']) {
      const result = resolveRendererPath(ROOT, url);
      if (result.ok) expect(result.file.startsWith(ROOT + '/')).toBe(true);
    }
  });
});

describe('isPageRoute', () => {
  it('treats extension-less paths as routes of the one-page console and files as files', () => {
    expect(isPageRoute('app://kept/cases/42')).toBe(true);
    expect(isPageRoute('app://kept/')).toBe(true);
    expect(isPageRoute('app://kept/assets/missing.js')).toBe(false);
    expect(isPageRoute('::')).toBe(false);
  });
});
