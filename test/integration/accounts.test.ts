import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_RULES, DEMO_AGENTS, DEMO_PASSWORD, passwordProblem, resolveSession, signIn, signOut } from '../../main/core';
import { expectAppError, openTempCore, type TempCore } from '../fixtures/temp-core';

let t: TempCore;
let offset = 0;
const now = () => new Date(Date.parse('2026-11-20T02:00:00Z') + offset);
const advance = (ms: number) => (offset += ms);
const admin = DEMO_AGENTS.admin;

beforeAll(async () => {
  t = await openTempCore({ now, accounts: true });
});
afterAll(async () => {
  await t.dispose();
});

async function signedIn(employeeNo: string, password = DEMO_PASSWORD): Promise<string> {
  const result = await signIn(t.core.deps, employeeNo, password);
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  return result.token;
}

describe('signing in', () => {
  it('gives a token for the right password and resolves it to the person', async () => {
    const token = await signedIn('30001');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const session = await resolveSession(t.core.deps, token);
    expect(session?.agent).toEqual(DEMO_AGENTS.supervisor);
    expect(await resolveSession(t.core.deps, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(await resolveSession(t.core.deps, 'not a token')).toBeNull();
    expect(await resolveSession(t.core.deps, undefined)).toBeNull();
  });

  it('refuses a wrong password and an unknown number alike', async () => {
    expect(await signIn(t.core.deps, '10452', 'not-the-password')).toEqual({ ok: false, reason: 'invalid' });
    expect(await signIn(t.core.deps, '99999', DEMO_PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
    expect(await signIn(t.core.deps, '0', DEMO_PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('locks an account after five wrong passwords, even against the right one, until 15 minutes pass', async () => {
    for (let i = 0; i < ACCOUNT_RULES.maxFailures - 1; i++)
      expect(await signIn(t.core.deps, '10688', `wrong-${i}-password`)).toEqual({ ok: false, reason: 'invalid' });
    const locked = await signIn(t.core.deps, '10688', 'wrong-last-password');
    expect(locked).toMatchObject({ ok: false, reason: 'locked' });
    expect(await signIn(t.core.deps, '10688', DEMO_PASSWORD)).toMatchObject({ ok: false, reason: 'locked' });
    const listed = (await t.call('accounts.list', {}, { actor: admin })).find((a) => a.employeeNo === '10688');
    expect(listed?.lockedUntil).toBe(new Date(now().getTime() + ACCOUNT_RULES.lockoutMs).toISOString());
    advance(ACCOUNT_RULES.lockoutMs - 1000);
    expect(await signIn(t.core.deps, '10688', DEMO_PASSWORD)).toMatchObject({ ok: false, reason: 'locked' });
    advance(1000);
    expect((await signIn(t.core.deps, '10688', DEMO_PASSWORD)).ok).toBe(true);
  });

  it('ends a session 2 hours after its last call, and 12 hours after sign-in however busy', async () => {
    const idle = await signedIn('10731');
    advance(ACCOUNT_RULES.sessionIdleMs - 60_000);
    expect(await resolveSession(t.core.deps, idle)).not.toBeNull();
    advance(ACCOUNT_RULES.sessionIdleMs - 60_000);
    expect(await resolveSession(t.core.deps, idle)).not.toBeNull(); // the call above counted as activity
    advance(ACCOUNT_RULES.sessionIdleMs);
    expect(await resolveSession(t.core.deps, idle)).toBeNull();

    const busy = await signedIn('10731');
    for (let h = 0; h < 11; h++) {
      advance(60 * 60_000);
      expect(await resolveSession(t.core.deps, busy)).not.toBeNull();
    }
    advance(60 * 60_000);
    expect(await resolveSession(t.core.deps, busy)).toBeNull();
  });

  it('signs out one session and leaves the others', async () => {
    const a = await signedIn('10815');
    const b = await signedIn('10815');
    await signOut(t.core.deps, a);
    expect(await resolveSession(t.core.deps, a)).toBeNull();
    expect(await resolveSession(t.core.deps, b)).not.toBeNull();
  });
});

describe('an administrator’s accounts', () => {
  it('creates an account that can sign in, with its team', async () => {
    const created = await t.call(
      'accounts.create',
      { employeeNo: '10999', name: '吴越', role: 'agent', team: '三组', password: 'Blue-river-42' },
      { actor: admin },
    );
    expect(created).toMatchObject({ employeeNo: '10999', name: '吴越', role: 'agent', team: '三组', disabled: false, lockedUntil: null });
    expect(created).not.toHaveProperty('password');
    const token = await signedIn('10999', 'Blue-river-42');
    expect((await resolveSession(t.core.deps, token))?.agent.id).toBe(created.id);
  });

  it.each([
    [{ employeeNo: '10998', name: '甲', role: 'agent', password: 'short' }, 'invalid_input', 'password_too_short'],
    [{ employeeNo: '10998', name: '甲', role: 'agent', password: 'password123' }, 'invalid_input', 'password_weak'],
    [{ employeeNo: '10998', name: '甲', role: 'agent', password: 'x10998-abc-z' }, 'invalid_input', 'password_weak'],
    [{ employeeNo: '10998', name: '甲', role: 'agent', password: 'aaaaaaaaaaab' }, 'invalid_input', 'password_weak'],
    [{ employeeNo: '20001', name: '甲', role: 'agent', password: 'Blue-river-42' }, 'conflict', 'employee_no_taken'],
    [{ employeeNo: 'abc', name: '甲', role: 'agent', password: 'Blue-river-42' }, 'invalid_input', 'employee_no_invalid'],
    [{ employeeNo: '10998', name: '甲', role: 'root', password: 'Blue-river-42' }, 'invalid_input', undefined],
  ] as const)('refuses %j with %s', async (input, code, issue) => {
    const error = await expectAppError(t.call('accounts.create', input as never, { actor: admin }));
    expect(error.code).toBe(code);
    if (issue) expect(error.issues?.map((i) => i.message)).toContain(issue);
    expect((await t.call('accounts.list', {}, { actor: admin })).filter((a) => a.employeeNo === '10998')).toEqual([]);
  });

  it('changes a role, which the next resolve reads', async () => {
    const token = await signedIn('10452');
    const [wang] = (await t.call('accounts.list', {}, { actor: admin })).filter((a) => a.employeeNo === '10452');
    await t.call('accounts.setRole', { id: wang!.id, role: 'supervisor' }, { actor: admin });
    expect((await resolveSession(t.core.deps, token))?.agent.role).toBe('supervisor');
    await t.call('accounts.setRole', { id: wang!.id, role: 'agent' }, { actor: admin });
  });

  it('disabling ends every session at once; enabling lets the person sign in again', async () => {
    const token = await signedIn('23338');
    const id = DEMO_AGENTS.qianWei.id;
    expect((await t.call('accounts.setDisabled', { id, disabled: true }, { actor: admin })).disabled).toBe(true);
    expect(await resolveSession(t.core.deps, token)).toBeNull();
    expect(await signIn(t.core.deps, '23338', DEMO_PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
    await t.call('accounts.setDisabled', { id, disabled: false }, { actor: admin });
    expect(await resolveSession(t.core.deps, token)).toBeNull();
    expect((await signIn(t.core.deps, '23338', DEMO_PASSWORD)).ok).toBe(true);
  });

  it('resetting a password ends the sessions, clears a lock-out and takes the new password only', async () => {
    const token = await signedIn('30002');
    for (let i = 0; i < ACCOUNT_RULES.maxFailures; i++) await signIn(t.core.deps, '30002', `nope-${i}-nope`);
    expect(await signIn(t.core.deps, '30002', DEMO_PASSWORD)).toMatchObject({ reason: 'locked' });
    await t.call('accounts.resetPassword', { id: DEMO_AGENTS.supervisor2.id, password: 'Green-field-77' }, { actor: admin });
    expect(await resolveSession(t.core.deps, token)).toBeNull();
    expect(await signIn(t.core.deps, '30002', DEMO_PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
    expect((await signIn(t.core.deps, '30002', 'Green-field-77')).ok).toBe(true);
  });

  it('refuses an administrator disabling or demoting themselves, and unknown accounts', async () => {
    for (const call of [
      t.call('accounts.setDisabled', { id: admin.id, disabled: true }, { actor: admin }),
      t.call('accounts.setRole', { id: admin.id, role: 'agent' }, { actor: admin }),
    ]) {
      const error = await expectAppError(call);
      expect([error.code, error.issues?.[0]?.message]).toEqual(['invalid_input', 'own_account']);
    }
    const unknown = await expectAppError(
      t.call('accounts.setRole', { id: '01930000-0000-7000-8000-00000000dead', role: 'agent' }, { actor: admin }),
    );
    expect(unknown.code).toBe('not_found');
    const system = await expectAppError(
      t.call('accounts.setDisabled', { id: '01930000-0000-7000-8000-000000000000', disabled: true }, { actor: admin }),
    );
    expect(system.code).toBe('not_found');
  });

  it.each([DEMO_AGENTS.desk, DEMO_AGENTS.supervisor, DEMO_AGENTS.complaints])(
    'forbids $name ($role) every account procedure',
    async (actor) => {
      for (const [name, input] of [
        ['accounts.list', {}],
        ['accounts.setDisabled', { id: DEMO_AGENTS.wangFang.id, disabled: true }],
        ['accounts.create', { employeeNo: '10997', name: '乙', role: 'admin', password: 'Blue-river-42' }],
      ] as const)
        expect((await expectAppError(t.call(name, input as never, { actor }))).code).toBe('forbidden');
    },
  );

  it('audits every account change without a password or hash in args or audit rows', async () => {
    const rows = await t.sqlite.db.selectFrom('audit_log').select(['action', 'data']).where('action', 'like', 'accounts.%').execute();
    expect(new Set(rows.map((r) => r.action))).toEqual(
      new Set(['accounts.create', 'accounts.setRole', 'accounts.setDisabled', 'accounts.resetPassword']),
    );
    const ledger = await t.sqlite.db.selectFrom('applied_mutations').select('args').where('name', 'like', 'accounts.%').execute();
    const outbox = await t.sqlite.db.selectFrom('outbox').select('mutation').execute();
    const hashes = await t.sqlite.db.selectFrom('credentials').select(['hash', 'salt']).execute();
    const text = JSON.stringify([rows, ledger, outbox]);
    for (const secret of ['Blue-river-42', 'Green-field-77', DEMO_PASSWORD, ...hashes.flatMap((h) => [h.hash, h.salt])])
      expect(text).not.toContain(secret);
    expect((await t.call('audit.verify', {}, { actor: admin })).ok).toBe(true);
  });

  it('keeps no password in the database file, only scrypt hashes with their parameters, and sessions by hash', async () => {
    const token = await signedIn('20001');
    const file = readFileSync(t.file);
    const wal = (() => {
      try {
        return readFileSync(`${t.file}-wal`);
      } catch {
        return Buffer.alloc(0);
      }
    })();
    for (const secret of ['Blue-river-42', 'Green-field-77', DEMO_PASSWORD, token]) {
      expect(file.includes(Buffer.from(secret))).toBe(false);
      expect(wal.includes(Buffer.from(secret))).toBe(false);
    }
    const credential = await t.sqlite.db
      .selectFrom('credentials')
      .selectAll()
      .where('agent_id', '=', DEMO_AGENTS.desk.id)
      .executeTakeFirstOrThrow();
    expect(credential.algorithm).toBe('scrypt');
    expect(JSON.parse(credential.params)).toEqual({ N: 32768, r: 8, p: 1, keylen: 64 });
    const salts = await t.sqlite.db.selectFrom('credentials').select('salt').execute();
    expect(new Set(salts.map((s) => s.salt)).size).toBe(salts.length);
  });
});

describe('password rules', () => {
  it.each([
    ['short1', '10452', 'password_too_short'],
    ['qwertyuiop', '10452', 'password_weak'],
    ['abab-abab-abab', '10452', 'password_weak'],
    ['my10452pass!', '10452', 'password_weak'],
    ['correct horse battery', '10452', null],
    ['长城长城长城长城长城', '10452', 'password_weak'],
    ['黄河长江珠江守约密码', '10452', null],
  ])('%s for %s → %s', (password, employeeNo, problem) => {
    expect(passwordProblem(password, employeeNo)).toBe(problem);
  });
});

describe('the complaint centre (level 3)', () => {
  it('decides escalated work as a supervisor does: in LEADS, with approving authority of its own', async () => {
    const { LEADS, ANY_ROLE, ADMINS, procedures } = await import('../../shared');
    const { authorityFor } = await import('../../main/core/promises/policy-answer');
    expect(LEADS).toContain('complaint_centre');
    expect(ANY_ROLE).toContain('complaint_centre');
    expect(ADMINS).toEqual(['admin']);
    for (const name of ['escalations.decide', 'incidents.create', 'incidents.update', 'audit.verify'] as const)
      expect(procedures[name].roles).toContain('complaint_centre');
    const { authority, ruleIds } = await authorityFor(t.core.deps.policy, 'complaint_centre');
    expect(ruleIds).toEqual(['auth-complaint-centre']);
    expect(authority.canApprove).toBe(true);
    const supervisor = (await authorityFor(t.core.deps.policy, 'supervisor')).authority;
    expect(authority.refund).toBeGreaterThanOrEqual(supervisor.refund);
    const complaints = DEMO_AGENTS.complaints;
    expect((await t.call('audit.verify', {}, { actor: complaints })).ok).toBe(true);
    expect(await t.call('session.me', {}, { actor: complaints })).toEqual(complaints);
  });
});

describe('forgetting ended sessions', () => {
  it('purges sessions a week after they ended and failed sign-ins once their window is over, and nothing live', async () => {
    const { purgeEndedSessions } = await import('../../main/core');
    await purgeEndedSessions(t.core.deps); // what the tests above left behind
    const live = await signedIn('10452');
    await signIn(t.core.deps, '10452', 'one-wrong-password');
    const before = await t.sqlite.db.selectFrom('sessions').select('id').execute();
    expect(await purgeEndedSessions(t.core.deps)).toMatchObject({ failures: 0 });
    expect(await resolveSession(t.core.deps, live)).not.toBeNull();
    advance(ACCOUNT_RULES.lockoutMs);
    expect((await purgeEndedSessions(t.core.deps)).failures).toBe(1);
    advance(8 * 24 * 60 * 60_000);
    const purged = await purgeEndedSessions(t.core.deps);
    expect(purged.sessions).toBe(before.length);
    expect(await t.sqlite.db.selectFrom('sessions').select('id').execute()).toEqual([]);
  });
});
