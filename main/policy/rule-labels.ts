/**
 * Rule ids without the engine's trace. A trace serialises every fired rule's whole row across the
 * native boundary, which doubles the cost of a decision; instead, a table of the plain shape
 * (input → one decision table → output) gets one more output column at load time whose value in
 * each rule is that rule's own `_id`. The answer then names the rules that fired, and the column
 * is taken off again before anyone sees the result. The bundle's files, and so its version, are
 * untouched. Any other shape is evaluated with the trace, as before.
 */

const RULE_FIELD = '_rule';
const RULE_COLUMN_ID = '_rule_column';

interface Column {
  id: string;
  field?: string;
}
interface TableContent {
  hitPolicy?: string;
  outputs: Column[];
  rules: Array<Record<string, unknown> & { _id?: unknown }>;
}
interface Node {
  type: string;
  content?: TableContent;
}
interface Graph {
  nodes: Node[];
}

/** The graph with every rule labelled, or null when the table's shape needs the trace instead. */
export function labelRules(graph: unknown): object | null {
  const { nodes } = graph as Graph;
  const tables = nodes.filter((n) => n.type === 'decisionTableNode');
  const plain = tables.length === 1 && nodes.every((n) => ['inputNode', 'outputNode', 'decisionTableNode'].includes(n.type));
  const content = tables[0]?.content;
  if (!plain || !content || !Array.isArray(content.outputs) || !Array.isArray(content.rules)) return null;
  if (content.outputs.some((o) => o.field === RULE_FIELD || o.id === RULE_COLUMN_ID)) return null;
  if (!content.rules.every((r) => typeof r._id === 'string' && r._id.length > 0)) return null;

  const labelled: TableContent = {
    ...content,
    outputs: [...content.outputs, { id: RULE_COLUMN_ID, field: RULE_FIELD, name: 'rule' } as Column],
    rules: content.rules.map((r) => ({ ...r, [RULE_COLUMN_ID]: JSON.stringify(r._id) })),
  };
  return { ...(graph as object), nodes: nodes.map((n) => (n.content === content ? { ...n, content: labelled } : n)) };
}

/** Splits a labelled table's result into the result as the table wrote it and the ids of the rules that fired. */
export function takeRuleLabels(result: unknown): { result: unknown; ruleIds: string[] } {
  const rows = Array.isArray(result) ? result : result && typeof result === 'object' && RULE_FIELD in result ? [result] : [];
  const ruleIds: string[] = [];
  const strip = (row: unknown) => {
    if (!row || typeof row !== 'object') return row;
    const { [RULE_FIELD]: id, ...rest } = row as Record<string, unknown>;
    if (typeof id === 'string') ruleIds.push(id);
    return rest;
  };
  const cleaned = Array.isArray(result) ? rows.map(strip) : rows.length ? strip(result) : result;
  return { result: cleaned, ruleIds };
}
