import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNT_RULES,
  createDeskProfile,
  listDeskProfiles,
  PIN_ALGORITHM,
  signIn,
  STORY_VOUCHER_CASE_ID,
  unlockDeskProfile,
} from '../../main/core';
import type { Agent, DeskProfile } from '../../shared';
import { expectAppError, openTempCore, type TempCore } from '../fixtures/temp-core';

/** Local desk profiles with a PIN, on a real SQLite desk (the demo data, no demo passwords). */
let t: TempCore;
let offset = 0;
const now = () => new Date(Date.parse('2026-11-20T02:00:00Z') + offset);
const advance = (ms: number) => (offset += ms);

const LI = { employeeNo: '50001', name: '李班长', role: 'supervisor', pin: '482916' } as const;
const WANG = { employeeNo: '50002', name: '王坐席', role: 'agent', pin: '7305' } as const;
const ZHAO = { employeeNo: '50003', name: '赵坐席', role: 'agent', pin: '19283746' } as const;
let li: DeskProfile;
let wang: DeskProfile;

async function unlocked(profile: DeskProfile, pin: string): Promise<Agent> {
  const result = await unlockDeskProfile(t.core.deps, profile.id, pin);
  if (!result.ok) throw new Error(`unlock failed: ${result.reason}`);
  return result.agent;
}

beforeAll(async () => {
  t = await openTempCore({ now });
});
afterAll(async () => {
  await t.dispose();
});

describe('creating profiles', () => {
  it('starts with none (accounts with a password are not desk profiles)', async () => {
    expect(await listDeskProfiles(t.core.deps)).toEqual([]);
  });

  it('refuses a PIN that is not 4 to 8 digits, before writing anything', async () => {
    for (const pin of ['123', '123456789', '12a4', ' 1234', '１２３４']) {
      const error = await expectAppError(createDeskProfile(t.core.deps, { ...LI, pin }, null));
      expect(error.code).toBe('invalid_input');
    }
    expect(await listDeskProfiles(t.core.deps)).toEqual([]);
  });

  it('refuses a first profile that could not add the others', async () => {
    const error = await expectAppError(createDeskProfile(t.core.deps, { ...LI, role: 'agent' }, null));
    expect(error.issues).toEqual([{ path: 'role', message: 'first_profile_role' }]);
    expect(await listDeskProfiles(t.core.deps)).toEqual([]);
  });

  it('creates the first profile on a desk with none, and lists it without secrets', async () => {
    li = await createDeskProfile(t.core.deps, LI, null);
    expect(await listDeskProfiles(t.core.deps)).toEqual([{ id: li.id, employeeNo: '50001', name: '李班长', role: 'supervisor' }]);
  });

  it('refuses a second profile from nobody, and from an agent profile', async () => {
    expect((await expectAppError(createDeskProfile(t.core.deps, WANG, null))).code).toBe('unauthenticated');
    const supervisor = await unlocked(li, LI.pin);
    wang = await createDeskProfile(t.core.deps, WANG, supervisor);
    const agent = await unlocked(wang, WANG.pin);
    expect((await expectAppError(createDeskProfile(t.core.deps, ZHAO, agent))).code).toBe('forbidden');
    expect((await listDeskProfiles(t.core.deps)).map((p) => p.name).sort()).toEqual(['李班长', '王坐席'].sort());
  });

  it('refuses an employee number already in use', async () => {
    const supervisor = await unlocked(li, LI.pin);
    expect((await expectAppError(createDeskProfile(t.core.deps, { ...ZHAO, employeeNo: WANG.employeeNo }, supervisor))).code).toBe(
      'conflict',
    );
  });
});

describe('the PIN', () => {
  it('is stored as a scrypt hash under its own algorithm, with its own salt, never in plain', async () => {
    const rows = await t.db.selectFrom('credentials').selectAll().where('algorithm', '=', PIN_ALGORITHM).execute();
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.salt)).size).toBe(2);
    for (const row of rows) expect(JSON.parse(row.params)).toEqual({ N: 2 ** 15, r: 8, p: 1, keylen: 64 });
    const files = [readFileSync(t.file)];
    try {
      files.push(readFileSync(`${t.file}-wal`));
    } catch {
      // no WAL left
    }
    // The PINs are digit runs that could occur by chance in binary pages; look for them as the text
    // an INSERT or a mutation's args would hold.
    for (const file of files)
      for (const pin of [LI.pin, WANG.pin]) {
        expect(file.includes(Buffer.from(`"pin":"${pin}"`))).toBe(false);
        expect(file.includes(Buffer.from(`"${pin}"`))).toBe(false);
      }
    const audit = JSON.stringify(await t.db.selectFrom('audit_log').selectAll().execute());
    const outbox = JSON.stringify(await t.db.selectFrom('outbox').selectAll().execute());
    // A short run of digits can occur inside an id by chance: look for a PIN as a value or under a key.
    for (const text of [audit, outbox]) {
      expect(text).not.toMatch(/\\?"pin\\?"/i);
      for (const pin of [LI.pin, WANG.pin]) expect(text).not.toMatch(new RegExp(`[":]\\\\?"?${pin}\\\\?"`));
      for (const row of rows) expect(text).not.toContain(row.hash);
    }
  });

  it('never works as a password on the server sign-in', async () => {
    expect(await signIn(t.core.deps, LI.employeeNo, LI.pin)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('unlocks the profile with the right PIN only, and an unknown profile answers like a wrong PIN', async () => {
    expect(await unlocked(li, LI.pin)).toEqual({ id: li.id, employeeNo: '50001', name: '李班长', role: 'supervisor' });
    expect(await unlockDeskProfile(t.core.deps, li.id, WANG.pin)).toEqual({ ok: false, reason: 'invalid' });
    expect(await unlockDeskProfile(t.core.deps, '01930000-0000-7000-8000-0000000fffff', '1234')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('locks a profile after five wrong PINs, against the right one too, until 15 minutes pass', async () => {
    for (let i = 0; i < ACCOUNT_RULES.maxFailures - 1; i++)
      expect(await unlockDeskProfile(t.core.deps, wang.id, `000${i}`)).toEqual({ ok: false, reason: 'invalid' });
    const until = new Date(now().getTime() + ACCOUNT_RULES.lockoutMs).toISOString();
    expect(await unlockDeskProfile(t.core.deps, wang.id, '9999')).toEqual({ ok: false, reason: 'locked', until });
    expect(await unlockDeskProfile(t.core.deps, wang.id, WANG.pin)).toEqual({ ok: false, reason: 'locked', until });
    // The other person at the desk is not locked out.
    expect((await unlockDeskProfile(t.core.deps, li.id, LI.pin)).ok).toBe(true);
    advance(ACCOUNT_RULES.lockoutMs - 1000);
    expect(await unlockDeskProfile(t.core.deps, wang.id, WANG.pin)).toMatchObject({ ok: false, reason: 'locked' });
    advance(1000);
    expect((await unlockDeskProfile(t.core.deps, wang.id, WANG.pin)).ok).toBe(true);
    // A success clears the count: four more wrong PINs do not lock.
    for (let i = 0; i < ACCOUNT_RULES.maxFailures - 1; i++)
      expect(await unlockDeskProfile(t.core.deps, wang.id, `111${i}`)).toEqual({ ok: false, reason: 'invalid' });
    expect((await unlockDeskProfile(t.core.deps, wang.id, WANG.pin)).ok).toBe(true);
  });
});

describe('two profiles are two people', () => {
  it('keep their own drafts and author their own notes', async () => {
    const a = await unlocked(li, LI.pin);
    const b = await unlocked(wang, WANG.pin);
    await t.call('drafts.save', { caseId: STORY_VOUCHER_CASE_ID, body: '李的草稿' }, { actor: a });
    await t.call('drafts.save', { caseId: STORY_VOUCHER_CASE_ID, body: '王的草稿' }, { actor: b });
    expect(await t.call('drafts.get', { caseId: STORY_VOUCHER_CASE_ID }, { actor: a })).toMatchObject({ body: '李的草稿' });
    expect(await t.call('drafts.get', { caseId: STORY_VOUCHER_CASE_ID }, { actor: b })).toMatchObject({ body: '王的草稿' });

    const noteA = await t.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: '李记录的' }, { actor: a });
    const noteB = await t.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: '王记录的' }, { actor: b });
    expect(noteA.author).toMatchObject({ id: li.id, employeeNo: '50001' });
    expect(noteB.author).toMatchObject({ id: wang.id, employeeNo: '50002' });
    expect(await t.call('session.me', {}, { actor: b })).toMatchObject({ id: wang.id, name: '王坐席' });
  });
});
