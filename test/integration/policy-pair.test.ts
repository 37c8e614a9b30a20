import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../main/core/demo/names';
import { DEFAULT_BUNDLE, loadPolicy, pairTable, REQUIRED_TABLES } from '../../main/policy';
import { factsFor } from '../fixtures/policy-facts';
import { goodwillDraft } from '../fixtures/policy-drafts';

// One call for a table of two bundles must answer exactly what two calls answer: results and rule ids.
const before = loadPolicy(DEFAULT_BUNDLE);
const after = loadPolicy(goodwillDraft(4));

describe('a table of two bundles evaluated in one call', () => {
  it.each(REQUIRED_TABLES)('%s: the same answers as each bundle alone, over varied facts', async (table) => {
    const pair = pairTable(table, before.tables, after.tables);
    expect(pair).not.toBeNull();
    const random = seededRandom(table.length);
    for (let i = 0; i < 300; i++) {
      const facts = { ...factsFor(random), role: (['agent', 'supervisor', 'complaint_centre', 'admin', 'nobody'] as const)[i % 5] };
      const [old, next] = await pair!(facts);
      expect(old).toEqual(await before.evaluate(table, facts));
      expect(next).toEqual(await after.evaluate(table, facts));
    }
  });

  it('with a list of fields, the same answers cut to those fields', async () => {
    const fields = ['offer', 'status', 'limit', 'unit', 'approver'];
    const pair = pairTable('remedies', before.tables, after.tables, fields)!;
    const cut = (answer: { result: unknown; ruleIds: string[] }) => ({
      result: (answer.result as Record<string, unknown>[]).map((row) => Object.fromEntries(fields.map((f) => [f, row[f]]))),
      ruleIds: answer.ruleIds,
    });
    const random = seededRandom(11);
    for (let i = 0; i < 300; i++) {
      const facts = factsFor(random);
      const [old, next] = await pair(facts);
      expect(old).toEqual(cut(await before.evaluate('remedies', facts)));
      expect(next).toEqual(cut(await after.evaluate('remedies', facts)));
    }
  });

  it('tells the two bundles apart (the goodwill draft answers more)', async () => {
    const pair = pairTable('remedies', before.tables, after.tables)!;
    const facts = { ...factsFor(seededRandom(3)), contacts7d: 5 };
    const [old, next] = await pair(facts);
    const limit = (a: typeof old) => (a.result as { offer: string; limit: number }[]).find((o) => o.offer === 'goodwill')!.limit;
    expect(limit(next)).toBe(Math.min(limit(old) + 5, 200));
  });
});
