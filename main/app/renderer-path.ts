import { isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './origin';

export type RendererPath = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404; reason: string };

const INDEX = 'index.html';

/**
 * Maps an app:// URL to a file under the built renderer, or refuses it. This is the path-traversal
 * guard: every rule below refuses something a crafted URL could use to leave `rootDir`.
 * Pure (no file access) so each rule is unit-tested.
 */
export function resolveRendererPath(rootDir: string, url: string): RendererPath {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { ok: false, status: 404, reason: 'not our origin' };

  const rawPath = parsed.pathname;
  // Chromium turns "\" into "/" for standard schemes but Node's URL does not: refuse both spellings.
  if (rawPath.includes('\\')) return { ok: false, status: 403, reason: 'backslash' };
  // No built asset has an encoded separator in its name; one in a URL is an attempt to smuggle a path.
  if (/%2f|%5c/i.test(rawPath)) return { ok: false, status: 403, reason: 'encoded separator' };
  // "//etc/passwd" is an absolute path in disguise.
  if (rawPath.includes('//')) return { ok: false, status: 403, reason: 'empty segment' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400, reason: 'bad percent-encoding' };
  }
  if (decoded.includes('\0')) return { ok: false, status: 400, reason: 'null byte' };
  if (decoded.includes('\\')) return { ok: false, status: 403, reason: 'encoded backslash' };

  const segments = decoded.split('/');
  if (segments.some((s) => s === '..')) return { ok: false, status: 403, reason: 'parent segment' };
  // "C:" (a drive on Windows) or "file:stream" (an NTFS stream) have no place in a web path.
  if (segments.some((s) => s.includes(':'))) return { ok: false, status: 403, reason: 'colon in path' };

  const inside = segments.filter((s) => s !== '' && s !== '.').join('/');
  const root = resolve(rootDir);
  const file = resolve(root, inside === '' ? INDEX : inside);
  const fromRoot = relative(root, file);
  if (fromRoot === '' || fromRoot === '..' || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot))
    return { ok: false, status: 403, reason: 'outside the renderer' };
  return { ok: true, file };
}

/** A path with no extension in its last segment is a page route; the one-page console answers it. */
export function isPageRoute(url: string): boolean {
  try {
    const last = new URL(url).pathname.split('/').pop() ?? '';
    return !last.includes('.');
  } catch {
    return false;
  }
}
