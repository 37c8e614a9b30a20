import { describe, expect, it } from 'vitest';
import { createAuthApi } from '../../renderer/src/features/sign-in/auth-api';

const agent = { id: '01930000-0000-7000-8000-000000020001', employeeNo: '20001', name: '林晓', role: 'agent' };

function answering(status: number, body: unknown): typeof fetch {
  return (async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status })) as typeof fetch;
}

describe('the sign-in page’s client', () => {
  it.each([
    ['a person', 200, { ok: true, value: agent }, { ok: true, agent }],
    ['wrong credentials', 401, { ok: false, error: { code: 'unauthenticated', message: 'x' } }, { ok: false, kind: 'wrong' }],
    [
      'a locked account, with until when',
      429,
      {
        ok: false,
        error: {
          code: 'rate_limited',
          message: 'x',
          issues: [{ path: 'employeeNo', message: 'locked' }],
          retryAt: '2026-11-20T02:15:00.000Z',
        },
      },
      { ok: false, kind: 'locked', retryAt: '2026-11-20T02:15:00.000Z' },
    ],
    [
      'the address rate limit',
      429,
      { ok: false, error: { code: 'rate_limited', message: 'x', retryAt: '2026-11-20T02:01:00.000Z' } },
      { ok: false, kind: 'rate_limited', retryAt: '2026-11-20T02:01:00.000Z' },
    ],
    ['a proxy without the server', 502, '<html>Bad gateway</html>', { ok: false, kind: 'unreachable' }],
    ['a body it cannot read', 500, '{"ok":', { ok: false, kind: 'failed' }],
    ['a body of another shape', 200, { ok: true, value: { id: 'x' } }, { ok: false, kind: 'failed' }],
  ])('maps %s', async (_what, status, body, outcome) => {
    expect(await createAuthApi('http://kept.test', answering(status, body)).signIn('20001', 'pw')).toEqual(outcome);
  });

  it('says "unreachable" when the request fails, and posts JSON to /api/auth/sign-in', async () => {
    const refused = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    expect(await createAuthApi('http://kept.test', refused).signIn('20001', 'pw')).toEqual({ ok: false, kind: 'unreachable' });
    const seen: Array<[string, RequestInit | undefined]> = [];
    const recording = (async (url: string, init?: RequestInit) => {
      seen.push([url, init]);
      return new Response(JSON.stringify({ ok: true, value: agent }));
    }) as typeof fetch;
    await createAuthApi('http://kept.test/', recording).signIn('20001', 'secret-pw');
    expect(seen[0]?.[0]).toBe('http://kept.test/api/auth/sign-in');
    expect(seen[0]?.[1]).toMatchObject({
      method: 'POST',
      credentials: 'same-origin',
      body: '{"employeeNo":"20001","password":"secret-pw"}',
    });
  });
});
