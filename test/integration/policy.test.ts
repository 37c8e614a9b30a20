import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENTS, STORY_VOUCHER_CASE_ID } from '../../main/core';
import { DEFAULT_BUNDLE, loadPolicy, PolicyBundleError } from '../../main/policy';
import { expectAppError, openTempCore, type TempCore } from '../fixtures/temp-core';
import { NO_SUCH_ID } from '../fixtures/demo-ids';

const VOUCHER_CASE = STORY_VOUCHER_CASE_ID;
let t: TempCore;
beforeAll(async () => {
  t = await openTempCore();
});
afterAll(() => t.dispose());

const clone = (files: typeof DEFAULT_BUNDLE) =>
  JSON.parse(JSON.stringify(files)) as Record<string, { nodes: { type: string; content?: { rules: Record<string, string>[] } }[] }>;

describe('the policy bundle', () => {
  it('is versioned by the sha256 of its canonical content', () => {
    const a = loadPolicy(DEFAULT_BUNDLE);
    expect(a.version).toMatch(/^[0-9a-f]{64}$/);
    // the same content written differently (as text, other key order) is the same version
    const text = Object.fromEntries(Object.entries(DEFAULT_BUNDLE).map(([f, c]) => [f, JSON.stringify(c, null, 4)]));
    expect(loadPolicy(text).version).toBe(a.version);
    const changed = clone(DEFAULT_BUNDLE);
    changed['authority.json']!.nodes[1]!.content!.rules[0]!.goodwill = '60';
    expect(loadPolicy(changed).version).not.toBe(a.version);
  });

  it.each([
    ['a syntax error', { 'sla.json': '{ "nodes": [ }' }, /sla\.json: not valid JSON/],
    ['a missing table', { 'sla.json': undefined }, /sla\.json: the table "sla" is missing/],
    ['a function node', 'function', /remedies\.json: node .* is a functionNode/],
    ['a graph the engine refuses', 'broken-edges', /escalation\.json/],
    ['an unknown file', { 'bonus.json': '{}' }, /bonus\.json: not a known policy table/],
  ])('refuses %s at start-up, naming the file and the problem', (_what, change, message) => {
    let files: Record<string, unknown> = { ...DEFAULT_BUNDLE };
    if (change === 'function') {
      const c = clone(DEFAULT_BUNDLE);
      c['remedies.json']!.nodes.push({ type: 'functionNode', id: 'fn', name: 'compute' } as never);
      files = c;
    } else if (change === 'broken-edges') {
      const c = clone(DEFAULT_BUNDLE) as unknown as Record<string, { edges: unknown[] }>;
      c['escalation.json']!.edges = [{ id: 'x', sourceId: 'nowhere', targetId: 'nothing', type: 'edge' }];
      files = c;
    } else {
      for (const [k, v] of Object.entries(change)) {
        if (v === undefined) delete files[k];
        else files[k] = v;
      }
    }
    expect(() => loadPolicy(files as never)).toThrow(PolicyBundleError);
    expect(() => loadPolicy(files as never)).toThrow(message);
  });
});

describe('policy.evaluate on the seed story', () => {
  it('allows a voucher extension, needs supervisor approval to convert to bill credit, and allows goodwill within limits', async () => {
    const answer = await t.call('policy.evaluate', { caseId: VOUCHER_CASE });
    const offer = (kind: string) => answer.offers.find((o) => o.offer === kind)!;
    expect(answer.facts).toMatchObject({ incidentCaused: true, voucherValue: 50, prepaidAmount: 100, regulatorMentioned: true });
    expect(answer.facts.brokenPromises).toBeGreaterThanOrEqual(1);
    expect(offer('extension')).toMatchObject({ status: 'allowed', limit: 30, unit: 'days', ruleId: 'rem-extension-incident' });
    expect(offer('conversion')).toMatchObject({
      status: 'needs_approval',
      limit: 50,
      approver: 'supervisor',
      ruleId: 'rem-conversion-incident',
    });
    expect(offer('goodwill').status).toBe('allowed');
    expect(offer('goodwill').limit).toBeGreaterThan(0);
    expect(offer('goodwill').limit).toBeLessThanOrEqual(offer('goodwill').authorityLimit);
    expect(answer.escalation).toMatchObject({ escalate: true, level: 3 });
    expect(answer.escalation.triggers.map((t) => t.reason)).toEqual(
      expect.arrayContaining(['regulator', 'repeat_contact', 'broken_commitment']),
    );
    expect(answer.ruleIds.remedies).toContain('rem-goodwill');
    expect(answer.bundleVersion).toBe((await t.call('policy.bundle', {})).version);
  });

  it('gives two agents on the same case identical offers and rule ids', async () => {
    const a = await t.call('policy.evaluate', { caseId: VOUCHER_CASE }, { actor: DEMO_AGENTS.wangFang });
    const b = await t.call('policy.evaluate', { caseId: VOUCHER_CASE }, { actor: DEMO_AGENTS.qianWei });
    expect(b.offers).toEqual(a.offers);
    expect(b.ruleIds).toEqual(a.ruleIds);
    expect(b.bundleVersion).toBe(a.bundleVersion);
  });

  it('lets a supervisor approve within their own authority', async () => {
    const answer = await t.call('policy.evaluate', { caseId: VOUCHER_CASE }, { actor: DEMO_AGENTS.supervisor });
    expect(answer.offers.find((o) => o.offer === 'conversion')).toMatchObject({ status: 'allowed', authorityLimit: 200 });
  });

  it('takes what the agent supplies only where the record has nothing, and refuses nonsense', async () => {
    // The seed customer's promotion is on record (a 50-yuan voucher): a bigger supplied value does not count.
    const answer = await t.call('policy.evaluate', { caseId: VOUCHER_CASE, supplied: { voucherValue: 80 } });
    expect(answer.offers.find((o) => o.offer === 'conversion')?.limit).toBe(50);
    expect(answer.supplied).toEqual({});
    const negative = await expectAppError(t.call('policy.evaluate', { caseId: VOUCHER_CASE, supplied: { voucherValue: -5 } }));
    expect(negative.issues?.[0]).toMatchObject({ path: 'supplied.voucherValue', message: 'negative' });
    expect((await expectAppError(t.call('policy.evaluate', { caseId: VOUCHER_CASE, supplied: { made: 'up' } as never }))).code).toBe(
      'invalid_input',
    );
    expect((await expectAppError(t.call('policy.evaluate', { caseId: NO_SUCH_ID }))).code).toBe('not_found');
  });
});
