import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { isPageRoute, resolveRendererPath } from './renderer-path';
import { securityHeaders } from './response-headers';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface AppProtocolOptions {
  /** The built renderer: out/renderer. */
  rootDir: string;
  /** Injected so tests can count reads; defaults to fs (which also reads inside app.asar). */
  read?: (file: string) => Promise<Uint8Array>;
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

/**
 * The handler for protocol.handle('app', ...): serves files of the built renderer, read-only,
 * with the CSP and the other security headers on every answer, errors included.
 */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const read = options.read ?? ((file: string) => readFile(file));

  const serve = async (file: string, method: string): Promise<Response> => {
    const body = await read(file);
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers = { ...securityHeaders(), 'Content-Type': type };
    return new Response(method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const target = resolveRendererPath(options.rootDir, request.url);
    if (!target.ok) return plain(target.status, target.status === 404 ? 'Not found' : 'Refused');
    try {
      return await serve(target.file, request.method);
    } catch (error) {
      if (!isMissing(error)) return plain(500, 'Could not read the file');
      // The console is one page: a route such as app://kept/cases/42 gets index.html.
      if (!isPageRoute(request.url)) return plain(404, 'Not found');
      const index = resolveRendererPath(options.rootDir, new URL('/index.html', request.url).href);
      if (!index.ok) return plain(404, 'Not found');
      try {
        return await serve(index.file, request.method);
      } catch {
        return plain(404, 'Not found');
      }
    }
  };
}
