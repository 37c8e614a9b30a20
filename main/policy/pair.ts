import { ZenEngine } from '@gorules/zen-engine';
import type { TableAnswer } from './engine';
import { labelRules, takeRuleLabels } from './rule-labels';
import type { TableName } from './tables';
import type { BundleTables } from './validate-bundle';

interface Node {
  id: string;
  type: string;
  content?: object;
}

/** The graph with its decision tables writing only `fields` (all of them without a list). */
function onlyFields(graph: unknown, fields: readonly string[] | undefined): unknown {
  if (!fields) return graph;
  const g = graph as { nodes: Array<Node & { content?: { outputs?: Array<{ field?: string }> } }> };
  return {
    ...g,
    nodes: g.nodes.map((n) =>
      n.type === 'decisionTableNode' && n.content?.outputs
        ? { ...n, content: { ...n.content, outputs: n.content.outputs.filter((o) => o.field !== undefined && fields.includes(o.field)) } }
        : n,
    ),
  };
}

/** The one decision-table node of a labelled plain table (input → table → output). */
function tableNode(graph: object): Node | undefined {
  return (graph as { nodes: Node[] }).nodes.find((n) => n.type === 'decisionTableNode');
}

/**
 * One table of two bundles evaluated in one call: a graph whose input feeds both versions of the
 * table side by side, each writing under its own key (`outputPath`), so a simulation pays the engine's
 * per-call cost once for both answers instead of twice. Only for tables of the plain shape (whose rule
 * ids come from labels, `rule-labels.ts`); null otherwise, and the caller evaluates each bundle alone.
 * With `fields`, the table writes only those output columns: what is not compared need not cross from
 * the engine (a remedy's reasons are long texts, and the largest part of its answer).
 */
export function pairTable(
  table: TableName,
  before: BundleTables,
  after: BundleTables,
  fields?: readonly string[],
): ((facts: object) => Promise<[TableAnswer<unknown>, TableAnswer<unknown>]>) | null {
  const old = labelRules(onlyFields(before[table], fields));
  const next = labelRules(onlyFields(after[table], fields));
  const oldNode = old && tableNode(old);
  const nextNode = next && tableNode(next);
  if (!oldNode?.content || !nextNode?.content) return null;
  const graph = {
    nodes: [
      { id: 'in', type: 'inputNode', name: 'request', position: { x: 0, y: 0 } },
      { id: 'old', type: 'decisionTableNode', name: 'old', position: { x: 0, y: 0 }, content: { ...oldNode.content, outputPath: 'old' } },
      { id: 'new', type: 'decisionTableNode', name: 'new', position: { x: 0, y: 0 }, content: { ...nextNode.content, outputPath: 'new' } },
      { id: 'out', type: 'outputNode', name: 'response', position: { x: 0, y: 0 } },
    ],
    edges: [
      { id: 'e1', type: 'edge', sourceId: 'in', targetId: 'old' },
      { id: 'e2', type: 'edge', sourceId: 'in', targetId: 'new' },
      { id: 'e3', type: 'edge', sourceId: 'old', targetId: 'out' },
      { id: 'e4', type: 'edge', sourceId: 'new', targetId: 'out' },
    ],
  };
  const decision = new ZenEngine().createDecision(graph);
  return async (facts) => {
    const result = ((await decision.evaluate(facts)).result ?? {}) as { old?: unknown; new?: unknown };
    // A table that matched nothing writes nothing under its key; alone, the engine answers {} for it.
    const split = (part: unknown): TableAnswer<unknown> => takeRuleLabels(part === undefined ? {} : part);
    return [split(result.old), split(result.new)];
  };
}
