import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildServer } from '../../server/app';
import { openTempCore, type TempCore } from '../fixtures/temp-core';
import { STORY_CUSTOMER_ID, STORY_VOUCHER_CASE_ID } from '../../main/core';

let t: TempCore;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  t = await openTempCore();
  app = await buildServer({ core: t.core, resolveActor: () => t.actor, bodyLimitBytes: 64 * 1024 });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await app.close();
  await t.dispose();
});

const post = (path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${base}${path}`, { method: 'POST', headers, body });

describe('the HTTP host', () => {
  it('serves a procedure with the same envelope as core', async () => {
    const res = await post('/api/rpc/customers.lookup', JSON.stringify({ input: { phone: '0086 138 0013 8000' } }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const body = (await res.json()) as { ok: boolean; value: { customer: { name: string } } };
    expect(body.ok).toBe(true);
    expect(body.value.customer.name).toBe('何志明');
  });

  it.each([
    ['malformed JSON', '/api/rpc/customers.lookup', '{"input": {', undefined, 400, 'bad_request'],
    ['a body that is not an object', '/api/rpc/customers.lookup', '"13800138000"', undefined, 400, 'bad_request'],
    ['unknown body fields', '/api/rpc/customers.lookup', '{"input":{},"sneaky":1}', undefined, 400, 'bad_request'],
    ['an unknown procedure', '/api/rpc/customers.dropAll', '{}', undefined, 404, 'unknown_procedure'],
    ['an unknown path', '/api/nothing-here', '{}', undefined, 404, 'unknown_procedure'],
    ['a bad phone', '/api/rpc/customers.lookup', '{"input":{"phone":"abc"}}', undefined, 400, 'invalid_input'],
    ['a form post', '/api/rpc/customers.lookup', 'phone=1', { 'content-type': 'application/x-www-form-urlencoded' }, 400, 'bad_request'],
    ['text/plain', '/api/rpc/customers.lookup', '{"input":{"phone":"13800138000"}}', { 'content-type': 'text/plain' }, 400, 'bad_request'],
    [
      'another site',
      '/api/rpc/customers.lookup',
      '{"input":{"phone":"13800138000"}}',
      { 'content-type': 'application/json', origin: 'https://evil.example' },
      403,
      'forbidden',
    ],
    ['a role it lacks', '/api/rpc/audit.verify', '{"input":{}}', undefined, 403, 'forbidden'],
  ])('answers %s with a typed 4xx', async (_what, path, body, headers, status, code) => {
    const res = await post(path, body, headers);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ ok: false, error: { code } });
  });

  it('refuses an oversized body with 413 and stays up', async () => {
    const res = await post('/api/rpc/notes.add', JSON.stringify({ input: { caseId: 'x', body: '长'.repeat(70_000) } }));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
    const health = await fetch(`${base}/api/health`);
    expect(await health.json()).toEqual({ ok: true });
  });

  it('pushes committed changes over the WebSocket, and refuses other origins', async () => {
    const wsUrl = `${base.replace('http', 'ws')}/api/events`;
    const socket = new WebSocket(wsUrl);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const message = new Promise<string>((resolve) => socket.once('message', (data) => resolve(String(data))));
    const res = await post('/api/rpc/notes.add', JSON.stringify({ input: { caseId: STORY_VOUCHER_CASE_ID, body: '回电已安排' } }));
    const note = ((await res.json()) as { value: { id: string } }).value;
    expect(JSON.parse(await message)).toEqual({
      event: 'changed',
      payload: { entity: 'note', id: note.id, customerId: STORY_CUSTOMER_ID },
    });
    socket.close();

    const foreign = new WebSocket(wsUrl, { headers: { origin: 'https://evil.example' } });
    const status = await new Promise<number>((resolve) => {
      foreign.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      foreign.once('error', () => resolve(0));
    });
    expect(status).toBe(403);
    foreign.terminate();
  });
});

describe('serving the console', () => {
  it('serves the built page for any path and files added after start, with the CSP', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'kept-renderer-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>守约</title>');
    const site = await buildServer({ core: t.core, resolveActor: () => t.actor, rendererDir: dir });
    const url = await site.listen({ host: '127.0.0.1', port: 0 });
    try {
      const root = await fetch(`${url}/`);
      expect(await root.text()).toContain('守约');
      expect(root.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await (await fetch(`${url}/customers/anything`)).text()).toContain('守约');
      writeFileSync(join(dir, 'later.js'), 'console.log(1)');
      const later = await fetch(`${url}/later.js`);
      expect(later.status).toBe(200);
      expect(later.headers.get('content-type')).toContain('javascript');
      const traversal = await fetch(`${url}/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd`);
      expect(await traversal.text()).not.toContain('root:');
    } finally {
      await site.close();
    }
  });

  it('allows WebAssembly on the decision-table editor’s page only; the desk and the API keep the strict CSP', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'kept-renderer-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>守约</title>');
    writeFileSync(join(dir, 'policy-editor.html'), '<!doctype html><title>决策表编辑器</title>');
    const site = await buildServer({ core: t.core, resolveActor: () => t.actor, rendererDir: dir });
    const url = await site.listen({ host: '127.0.0.1', port: 0 });
    try {
      const editor = await fetch(`${url}/policy-editor.html#remedies.json`);
      expect(await editor.text()).toContain('决策表编辑器');
      const editorCsp = editor.headers.get('content-security-policy') ?? '';
      expect(editorCsp).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(editorCsp).toContain("default-src 'none'");
      expect(editorCsp).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
      for (const path of ['/', '/index.html', '/policy-editor.html/x', '/api/health', '/x/policy-editor.html']) {
        const csp = (await fetch(`${url}${path}`)).headers.get('content-security-policy') ?? '';
        expect(csp, path).toContain("script-src 'self'");
        expect(csp, path).not.toContain('wasm');
      }
    } finally {
      await site.close();
    }
  });
});
