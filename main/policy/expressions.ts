import { evaluateExpressionSync, evaluateUnaryExpressionSync } from '@gorules/zen-engine';
import { PolicyBundleError } from './bundle-error';
import { REQUIRED_TABLES } from './tables';
import type { BundleTables } from './validate-bundle';

/**
 * The engine compiles a cell's expression only when a rule is reached, so a typo in a rule that no
 * test reaches would first fail on a customer's call. Every cell is parsed here instead, with no facts:
 * a parser or lexer error refuses the bundle, naming the table, the rule and the column; an error of
 * evaluation (a fact missing, which is expected here) is not one.
 */

interface Column {
  id: string;
  name?: string;
  field?: string;
}
interface Node {
  name?: string;
  type: string;
  content?: {
    inputs?: Column[];
    outputs?: Column[];
    rules?: Array<Record<string, unknown>>;
    expressions?: Array<{ key?: string; value?: unknown }>;
    statements?: Array<{ condition?: unknown }>;
  };
}

/** The engine's error for an expression that does not parse, or null when it parses. */
function syntaxError(check: () => unknown): string | null {
  try {
    check();
    return null;
  } catch (error) {
    const firstLine = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    try {
      const parsed = JSON.parse(firstLine) as { type?: string; source?: string };
      return parsed.type === 'parserError' || parsed.type === 'lexerError' ? (parsed.source ?? firstLine) : null;
    } catch {
      return null;
    }
  }
}

function problemsOf(node: Node): string[] {
  const content = node.content ?? {};
  const problems: string[] = [];
  const at = (where: string, text: unknown, unary: boolean) => {
    if (typeof text !== 'string' || text.trim() === '') return;
    const error = syntaxError(() => (unary ? evaluateUnaryExpressionSync(text, { $: null }) : evaluateExpressionSync(text, {})));
    if (error) problems.push(`${where}: "${text}" does not parse (${error})`);
  };
  if (node.type === 'decisionTableNode')
    for (const rule of content.rules ?? []) {
      const ruleName = `rule "${String(rule._id ?? '?')}"`;
      for (const input of content.inputs ?? []) at(`${ruleName}, column "${input.name ?? input.id}"`, rule[input.id], true);
      for (const output of content.outputs ?? []) at(`${ruleName}, column "${output.name ?? output.id}"`, rule[output.id], false);
    }
  if (node.type === 'expressionNode')
    for (const e of content.expressions ?? []) at(`node "${node.name ?? '?'}", expression "${e.key ?? '?'}"`, e.value, false);
  if (node.type === 'switchNode') for (const s of content.statements ?? []) at(`node "${node.name ?? '?'}", condition`, s.condition, false);
  return problems;
}

/** Throws PolicyBundleError for the first cell of the bundle whose expression does not parse. */
export function checkExpressions(tables: BundleTables): void {
  for (const name of REQUIRED_TABLES) {
    const { nodes } = tables[name] as { nodes: Node[] };
    for (const node of nodes) {
      const [problem] = problemsOf(node);
      if (problem) throw new PolicyBundleError(`${name}.json`, problem);
    }
  }
}
