import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENTS, openSqliteCore, STORY_VOUCHER_CASE_ID } from '../../main/core';
import { commit } from '../../main/core/procedure-kit';
import { DEFAULT_BUNDLE, loadPolicy } from '../../main/policy';
import { canonicalJson } from '../../shared';
import { goodwillDraft, shippedDraft } from '../fixtures/policy-drafts';
import { expectAppError, openTempCore, type TempCore } from '../fixtures/temp-core';

// Policy administration on a real SQLite core: the bundle in force, simulation of a draft against the
// decisions on record, publication (audited, swapped in place, kept across a restart) and refusals.
const admin = DEMO_AGENTS.admin;
const shipped = loadPolicy(DEFAULT_BUNDLE).version;

let t: TempCore;
const policyRows = () => t.sqlite.raw.prepare('select count(*) as n from policy_versions').get() as { n: number };

async function grantGoodwill(): Promise<{ decisionId: string; limit: number }> {
  const answer = await t.call('policy.evaluate', { caseId: STORY_VOUCHER_CASE_ID });
  const goodwill = answer.offers.find((o) => o.offer === 'goodwill');
  if (!goodwill) throw new Error('the story case has no goodwill offer');
  const made = await t.call('commitments.create', {
    caseId: STORY_VOUCHER_CASE_ID,
    kind: 'goodwill',
    wording: `赠送${goodwill.limit}元话费补偿`,
    amount: Math.min(goodwill.limit, 10),
  });
  return { decisionId: made.decision!.id, limit: goodwill.limit };
}

beforeAll(async () => {
  t = await openTempCore();
});
afterAll(async () => {
  await t?.dispose();
});

describe('the bundle in force', () => {
  it('is the shipped bundle until one is published, its tables as JDM by file name', async () => {
    const current = await t.call('policy.current', {}, { actor: admin });
    expect(current).toMatchObject({ version: shipped, source: 'shipped', published: null });
    expect(Object.keys(current.files).sort()).toEqual(['authority.json', 'escalation.json', 'remedies.json', 'sla.json']);
    expect(canonicalJson(current.files['remedies.json'])).toBe(canonicalJson(DEFAULT_BUNDLE['remedies.json']));
    expect(await t.call('policy.versions', {}, { actor: admin })).toEqual([]);
  });
});

describe('simulation', () => {
  it('lists the recorded decisions whose answer the draft changes, with old → new and the rules', async () => {
    const { decisionId, limit } = await grantGoodwill();
    const result = await t.call('policy.simulate', { files: goodwillDraft(4) }, { actor: admin });
    expect(result.currentVersion).toBe(shipped);
    expect(result.draftVersion).not.toBe(shipped);
    const decisions = Number((t.sqlite.raw.prepare('select count(*) as n from decisions').get() as { n: number }).n);
    expect(result.evaluated).toBe(decisions);
    const mine = result.decisions.find((d) => d.decisionId === decisionId);
    expect(mine).toMatchObject({
      caseId: STORY_VOUCHER_CASE_ID,
      caseNumber: 'C-2611-0418',
      customerName: '何志明',
      offer: 'goodwill',
      action: 'commitment.goodwill',
      bundleVersion: shipped,
    });
    const goodwill = mine!.differences.find((d) => d.item === 'goodwill')!;
    expect(goodwill.old).toBe(`allowed ${limit} yuan`);
    const contacts7d = Number(
      mine &&
        JSON.parse((t.sqlite.raw.prepare('select facts from decisions where id = ?').get(decisionId) as { facts: string }).facts)
          .contacts7d,
    );
    expect(goodwill.new).toBe(`allowed ${Math.min(limit + contacts7d, 200)} yuan`);
    expect(mine!.oldRules).toContain('rem-goodwill');
    expect(mine!.newRules).toContain('rem-goodwill');
    expect(result.changed).toBeGreaterThanOrEqual(1);
    expect(result.byItem.goodwill).toBe(result.changed);
    expect(policyRows().n).toBe(0); // simulating writes nothing
  });

  it('changes nothing for a draft equal to the bundle in force, and honours the limit of rows listed', async () => {
    const same = await t.call('policy.simulate', { files: shippedDraft() }, { actor: admin });
    expect(same).toMatchObject({ changed: 0, decisions: [], draftVersion: shipped });
    const one = await t.call('policy.simulate', { files: goodwillDraft(9), limit: 1 }, { actor: admin });
    expect(one.decisions).toHaveLength(1);
    expect(one.changed).toBeGreaterThanOrEqual(1);
  });

  it('leaves out decisions older than 30 days', async () => {
    const old = new Date(Date.now() - 31 * 86_400_000).toISOString();
    t.sqlite.raw.prepare('update decisions set created_at = ?').run(old);
    try {
      expect(await t.call('policy.simulate', { files: goodwillDraft(4) }, { actor: admin })).toMatchObject({ evaluated: 0, changed: 0 });
    } finally {
      // put them back inside the window for the tests that follow
      t.sqlite.raw.prepare('update decisions set created_at = ?').run(new Date().toISOString());
    }
  });
});

describe('refusals name the file and the problem, and write nothing', () => {
  type Files = Record<string, string | Record<string, unknown>>;
  it.each<[string, (files: Files) => void, string, RegExp]>([
    ['bad JSON', (f) => (f['remedies.json'] = '{ "nodes": ['), 'files.remedies.json', /not valid JSON/],
    ['a missing table', (f) => delete f['remedies.json'], 'files.remedies.json', /missing/],
    [
      'a code-running node',
      (f) => (f['remedies.json'] = { nodes: [{ id: 'f', type: 'functionNode' }], edges: [] }),
      'files.remedies.json',
      /functionNode/,
    ],
    [
      'an unknown file',
      (f) => (f['extra.json'] = { nodes: [{ id: 'i', type: 'inputNode' }], edges: [] }),
      'files.extra.json',
      /not a known policy table/,
    ],
  ])('%s', async (_label, edit, path, problem) => {
    const files: Files = shippedDraft();
    edit(files);
    for (const name of ['policy.simulate', 'policy.publish'] as const) {
      const input = name === 'policy.publish' ? { files, note: '错误的策略' } : { files };
      const error = await expectAppError(t.call(name, input as never, { actor: admin }));
      expect(error.code).toBe('invalid_input');
      expect(error.issues?.[0]?.path).toBe(path);
      expect(error.issues?.[0]?.message).toMatch(problem);
      expect(error.message).toContain(path.slice('files.'.length));
    }
    expect(policyRows().n).toBe(0);
    expect((await t.call('policy.current', {}, { actor: admin })).version).toBe(shipped);
  });

  it('refuses the engine’s own objection (an expression it cannot parse)', async () => {
    const files = goodwillDraft(4);
    const text = JSON.stringify(files['remedies.json']).replace('4 * contacts7d', '4 * * contacts7d');
    const error = await expectAppError(
      t.call('policy.publish', { files: { ...files, 'remedies.json': text }, note: '坏公式' }, { actor: admin }),
    );
    expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'files.remedies.json' }] });
    expect(error.issues?.[0]?.message).toMatch(/rule "rem-goodwill", column "Limit": ".*" does not parse/);
    expect(policyRows().n).toBe(0);
  });

  it('refuses publishing the bundle already in force', async () => {
    const error = await expectAppError(t.call('policy.publish', { files: shippedDraft(), note: '无变化' }, { actor: admin }));
    expect(error).toMatchObject({ code: 'conflict', issues: [{ path: 'files', message: 'unchanged' }] });
    expect(policyRows().n).toBe(0);
  });

  it('refuses a publication written by someone who is not an administrator, wherever it is applied', async () => {
    const draft = loadPolicy(goodwillDraft(5));
    const error = await expectAppError(
      commit(t.core.deps, { actor: DEMO_AGENTS.desk }, 'policy.publish', {
        id: '01930000-0000-7000-8000-0000000f0001',
        version: draft.version,
        tables: goodwillDraft(5),
        note: '坐席自己改政策',
        at: new Date().toISOString(),
      }),
    );
    expect(error).toMatchObject({ code: 'forbidden', issues: [{ message: 'admins_only' }] });
    const mismatch = await expectAppError(
      commit(t.core.deps, { actor: admin }, 'policy.publish', {
        id: '01930000-0000-7000-8000-0000000f0002',
        version: shipped,
        tables: goodwillDraft(5),
        note: '版本号不符',
        at: new Date().toISOString(),
      }),
    );
    expect(mismatch).toMatchObject({ code: 'invalid_input', issues: [{ message: 'version_mismatch' }] });
    expect(policyRows().n).toBe(0);
  });
});

describe('publishing', () => {
  it('puts the draft in force at once: new decisions record it, old ones keep theirs; audited; history lists it', async () => {
    const before = await grantGoodwill();
    const draft = goodwillDraft(4);
    const published = await t.call('policy.publish', { files: draft, note: '每次来电补偿4元' }, { actor: admin });
    const version = loadPolicy(draft).version;
    expect(published).toMatchObject({ version, note: '每次来电补偿4元', publishedBy: { id: admin.id, name: admin.name } });
    expect(t.core.deps.policy.version).toBe(version);
    expect(await t.call('policy.current', {}, { actor: admin })).toMatchObject({ version, source: 'published', published });

    const after = await grantGoodwill();
    expect(after.limit).toBeGreaterThan(before.limit);
    const decisions = await t.call('decisions.list', { caseId: STORY_VOUCHER_CASE_ID });
    expect(decisions.find((d) => d.id === before.decisionId)?.bundleVersion).toBe(shipped);
    expect(decisions.find((d) => d.id === after.decisionId)?.bundleVersion).toBe(version);

    const audit = t.sqlite.raw.prepare("select actor_id, entity, data from audit_log where action = 'policy.publish'").all() as {
      actor_id: string;
      entity: string;
      data: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: admin.id, entity: 'policy' });
    expect(JSON.parse(audit[0]!.data)).toEqual({ from: shipped, to: version, note: '每次来电补偿4元' });
    expect((await t.call('audit.verify', {}, { actor: admin })).ok).toBe(true);

    expect(await t.call('policy.versions', {}, { actor: admin })).toEqual([published]);
  });

  it('answers a retried publication from the ledger, once', async () => {
    const files = goodwillDraft(6);
    const mutationId = '01930000-0000-7000-8000-0000000f0003';
    const first = await t.call('policy.publish', { files, note: '六元' }, { actor: admin, mutationId });
    const again = await t.call('policy.publish', { files, note: '六元' }, { actor: admin, mutationId });
    expect(again).toEqual(first);
    expect((await t.call('policy.versions', {}, { actor: admin })).filter((v) => v.id === first.id)).toHaveLength(1);
  });

  it('publishing the shipped bundle again is a new version with the old hash, and the newest is in force after a restart', async () => {
    const back = await t.call('policy.publish', { files: shippedDraft(), note: '恢复出厂政策' }, { actor: admin });
    expect(back.version).toBe(shipped);
    expect(t.core.deps.policy.version).toBe(shipped);
    const history = await t.call('policy.versions', {}, { actor: admin });
    expect(history.map((v) => v.note)).toEqual(['恢复出厂政策', '六元', '每次来电补偿4元']);

    const published = await t.call('policy.publish', { files: goodwillDraft(7), note: '七元' }, { actor: admin });
    await t.close();
    const reopened = await openSqliteCore({ file: t.file, clientId: 'test-desk', outbox: true, demoAccounts: false });
    try {
      expect(reopened.core.deps.policy.version).toBe(published.version);
    } finally {
      await reopened.close();
    }
    t = await openTempCoreOn(t);
  });
});

/** Reopens the same temporary database so the suite's dispose still cleans up. */
async function openTempCoreOn(previous: TempCore): Promise<TempCore> {
  const opened = await openSqliteCore({ file: previous.file, clientId: 'test-desk', outbox: true, demoAccounts: false });
  return { ...previous, ...opened, close: opened.close, dispose: async () => opened.close() };
}
