import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENTS, DEMO_PASSWORD } from '../../main/core';
import { createIpcRouter, type IpcInvokeHandler } from '../../main/ipc';
import { type Agent, type Envelope, EnvelopeShape, type ProcedureName, procedureNames, procedures, Role } from '../../shared';
import { buildServer } from '../../server/app';
import { HTTP_STATUS } from '../../server/http-status';
import { tableCounter, type TableCounts } from '../fixtures/table-counts';
import { openTempCore, type TempCore } from '../fixtures/temp-core';

/**
 * The authorization matrix: every procedure × every role, over HTTP (signed in, and not) and over
 * the desktop's IPC router, against a real core on SQLite. What each cell should answer is read from
 * the contract (`procedures[name].roles`), never written by hand: a role outside `roles` gets core's
 * role refusal and nothing is written; a role inside never gets it. Inputs are `{}`: the role check
 * comes before input parsing (`main/core/dispatch.ts`), so an allowed role's `invalid_input` proves
 * it got past the check.
 */

const ROLES = Role.options;
const roleRefusal = (role: string, name: string) => `Your role (${role}) may not call ${name}.`;
const ROLE_REFUSAL = /^Your role \(/;

/** One demo person per role, found in the roster (not hard-coded). */
const personOf = Object.fromEntries(
  ROLES.map((role) => {
    const person = Object.values(DEMO_AGENTS).find((a) => a.role === role);
    if (!person) throw new Error(`the demo roster has nobody with the role ${role}`);
    return [role, person];
  }),
) as Record<Role, Agent>;

const cells = procedureNames.flatMap((name) =>
  ROLES.map((role) => ({ name, role, allowed: (procedures[name].roles as readonly string[]).includes(role) })),
);

let t: TempCore;
let app: FastifyInstance;
let counts: () => TableCounts;
const cookies = {} as Record<Role, string>;
const ipc = {} as Record<Role, IpcInvokeHandler<unknown>>;

beforeAll(async () => {
  t = await openTempCore({ accounts: true });
  counts = tableCounter(t.sqlite.raw);
  // inject() sends Host: localhost:80 and never listens
  app = await buildServer({ core: t.core, signInRateLimit: { max: 1000, timeWindowMs: 60_000 }, allowedHosts: ['localhost:80'] });
  for (const role of ROLES) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { employeeNo: personOf[role].employeeNo, password: DEMO_PASSWORD },
    });
    expect(res.statusCode, `sign-in as ${role}`).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, value: { role } });
    const cookie = res.cookies.find((c) => c.name === 'kept_session');
    if (!cookie) throw new Error(`no session cookie for ${role}`);
    cookies[role] = `kept_session=${cookie.value}`;
    ipc[role] = createIpcRouter<unknown>({ core: t.core, resolveActor: () => personOf[role], isTrustedSender: () => true });
  }
});
afterAll(async () => {
  await app?.close();
  await t?.dispose();
});

async function overHttp(name: ProcedureName, cookie: string | undefined): Promise<{ status: number; envelope: Envelope<unknown> }> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/rpc/${name}`,
    headers: cookie ? { cookie } : {},
    payload: { input: {} },
  });
  return { status: res.statusCode, envelope: EnvelopeShape.parse(res.json()) as Envelope<unknown> };
}

function expectCell(cell: (typeof cells)[number], envelope: Envelope<unknown>, status?: number): void {
  const label = `${cell.role} → ${cell.name}`;
  if (cell.allowed) {
    if (!envelope.ok) {
      expect(envelope.error.message, label).not.toMatch(ROLE_REFUSAL);
      expect(envelope.error.code, label).not.toBe('internal');
      if (status !== undefined) expect(status, label).toBe(HTTP_STATUS[envelope.error.code]);
    } else if (status !== undefined) expect(status, label).toBe(200);
  } else {
    expect(envelope, label).toEqual({ ok: false, error: { code: 'forbidden', message: roleRefusal(cell.role, cell.name) } });
    if (status !== undefined) expect(status, label).toBe(403);
  }
}

describe('the matrix, read from the contract', () => {
  it('covers every procedure and every role, with cells on both sides for all but the administrator', () => {
    expect(cells).toHaveLength(procedureNames.length * ROLES.length);
    for (const role of ROLES) {
      const refused = cells.filter((c) => c.role === role && !c.allowed).length;
      if (role === 'admin') expect(refused).toBe(0);
      else expect(refused, role).toBeGreaterThan(0);
    }
    // the roster really has these roles (sign-in answered each one's role in beforeAll)
    expect(new Set(Object.values(personOf).map((p) => p.role)).size).toBe(ROLES.length);
  });
});

describe.each(ROLES)('over HTTP, signed in as %s', (role) => {
  it.each(procedureNames)('%s', async (name) => {
    const cell = cells.find((c) => c.name === name && c.role === role)!;
    const before = counts();
    const { status, envelope } = await overHttp(name, cookies[role]);
    expectCell(cell, envelope, status);
    if (!cell.allowed) expect(counts(), `${role} → ${name} wrote`).toEqual(before);
  });
});

describe('over HTTP without a session', () => {
  it.each(procedureNames)('%s → 401 unauthenticated, nothing written', async (name) => {
    const before = counts();
    for (const cookie of [undefined, 'kept_session=', `kept_session=${'A'.repeat(43)}`]) {
      const { status, envelope } = await overHttp(name, cookie);
      expect(status).toBe(401);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    }
    expect(counts()).toEqual(before);
  });
});

describe.each(ROLES)('over IPC, at the desk as %s', (role) => {
  it.each(procedureNames)('%s', async (name) => {
    const cell = cells.find((c) => c.name === name && c.role === role)!;
    const before = counts();
    const envelope = await ipc[role](null, { procedure: name, input: {} });
    expect(EnvelopeShape.safeParse(envelope).success).toBe(true);
    expectCell(cell, envelope);
    if (!cell.allowed) expect(counts(), `${role} → ${name} wrote`).toEqual(before);
  });
});

describe('a refused role writes nothing even with a well-formed input', () => {
  // `{}` stops an allowed role at parsing; these inputs would pass it, so only the role check stands between them and a write.
  const wellFormed: { name: ProcedureName; input: unknown }[] = [
    { name: 'accounts.create', input: { employeeNo: '77001', name: '矩阵测试', role: 'admin', password: 'matrix-password-1' } },
    { name: 'accounts.setRole', input: { id: DEMO_AGENTS.desk.id, role: 'admin' } },
    { name: 'accounts.setDisabled', input: { id: DEMO_AGENTS.admin.id, disabled: true } },
    { name: 'accounts.resetPassword', input: { id: DEMO_AGENTS.admin.id, password: 'matrix-password-2' } },
    {
      name: 'incidents.create',
      input: { title: '矩阵', description: '矩阵', categories: ['billing'], guidance: '矩阵', startsAt: new Date().toISOString() },
    },
  ];
  it.each(wellFormed)('$name', async ({ name, input }) => {
    expect(procedures[name].input.safeParse(input).success, 'the input passes parsing').toBe(true);
    for (const role of ROLES.filter((r) => !(procedures[name].roles as readonly string[]).includes(r))) {
      const before = counts();
      const http = await app.inject({ method: 'POST', url: `/api/rpc/${name}`, headers: { cookie: cookies[role] }, payload: { input } });
      expect(http.statusCode, role).toBe(403);
      expect(http.json(), role).toEqual({ ok: false, error: { code: 'forbidden', message: roleRefusal(role, name) } });
      expect(await ipc[role](null, { procedure: name, input }), role).toEqual({
        ok: false,
        error: { code: 'forbidden', message: roleRefusal(role, name) },
      });
      expect(counts(), role).toEqual(before);
    }
  });
});
