import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../main/app/protocol-handler';
import { CONTENT_SECURITY_POLICY } from '../../../shared';

let base: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'kept-protocol-'));
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Kept</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'outside the renderer');
  handle = createAppProtocolHandler({ rootDir: root });
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (path: string, method = 'GET') => handle(new Request(`app://kept${path}`, { method }));

describe('app:// protocol handler', () => {
  it('serves files with their type and the CSP', async () => {
    const page = await get('/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>Kept</title>');
    const script = await get('/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers a route of the one-page console with index.html, and a missing file with 404', async () => {
    const route = await get('/cases/42');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Kept</title>');
    const missing = await get('/assets/nope.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each(['/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/..%5csecret.txt', '//secret.txt', '/assets%2f..%2f..%2fsecret.txt'])(
    'never serves %s from outside the renderer',
    async (path) => {
      const response = await get(path);
      expect([400, 403, 404]).toContain(response.status);
      expect(await response.text()).not.toContain('outside the renderer');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    },
  );

  it('answers HEAD without a body and refuses writes', async () => {
    const head = await get('/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    for (const method of ['POST', 'PUT', 'DELETE']) expect((await get('/index.html', method)).status).toBe(405);
  });

  it('reports an unreadable file as 500, not as the page', async () => {
    const failing = createAppProtocolHandler({
      rootDir: join(base, 'renderer'),
      read: () => Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })),
    });
    const response = await failing(new Request('app://kept/index.html'));
    expect(response.status).toBe(500);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
