import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../main/core/demo/names';
import { DEFAULT_BUNDLE, loadPolicy } from '../../main/policy';
import { labelRules, takeRuleLabels } from '../../main/policy/rule-labels';
import { REQUIRED_TABLES } from '../../main/policy/tables';
import { factsFor } from '../fixtures/policy-facts';

const bundleTable = (name: string) =>
  JSON.parse(JSON.stringify(DEFAULT_BUNDLE[`${name}.json`])) as {
    nodes: Array<{ type: string; content?: { outputs: { field: string }[] } }>;
  };

describe('rule ids from labelled rules', () => {
  it('give the same results and the same rule ids as the engine’s trace, table by table, over varied facts', async () => {
    const fast = loadPolicy(DEFAULT_BUNDLE);
    const traced = loadPolicy(DEFAULT_BUNDLE, { traceAlways: true });
    expect(fast.version).toBe(traced.version);
    const random = seededRandom(42);
    const fired = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const facts = factsFor(random);
      for (const table of REQUIRED_TABLES) {
        const [a, b] = await Promise.all([fast.evaluate(table, facts), traced.evaluate(table, facts)]);
        expect(a, `${table} ${JSON.stringify(facts)}`).toEqual(b);
        for (const id of a.ruleIds) fired.add(id);
      }
    }
    // The facts reach rules in every table, or the comparison above proves little.
    for (const table of REQUIRED_TABLES) expect([...fired].some((id) => id.startsWith(table.slice(0, 3)))).toBe(true);
    expect(fired.size).toBeGreaterThan(12);
  });

  it('leave a table of any other shape to the trace', () => {
    const withExpression = bundleTable('remedies');
    withExpression.nodes.push({ type: 'expressionNode' });
    expect(labelRules(withExpression)).toBeNull();

    const taken = bundleTable('sla');
    taken.nodes.find((n) => n.type === 'decisionTableNode')!.content!.outputs.push({ field: '_rule' });
    expect(labelRules(taken)).toBeNull();

    expect(labelRules(bundleTable('remedies'))).not.toBeNull();
  });

  it('are taken off the result, whether the table answers one row, many rows or none', () => {
    expect(takeRuleLabels({ callbackHours: 48, _rule: 'sla-complaint' })).toEqual({
      result: { callbackHours: 48 },
      ruleIds: ['sla-complaint'],
    });
    expect(
      takeRuleLabels([
        { offer: 'extension', _rule: 'a' },
        { offer: 'goodwill', _rule: 'b' },
      ]),
    ).toEqual({
      result: [{ offer: 'extension' }, { offer: 'goodwill' }],
      ruleIds: ['a', 'b'],
    });
    expect(takeRuleLabels([])).toEqual({ result: [], ruleIds: [] });
    expect(takeRuleLabels({})).toEqual({ result: {}, ruleIds: [] });
  });
});
