import { type ZenDecision, ZenEngine } from '@gorules/zen-engine';
import { PolicyBundleError } from './bundle-error';
import { checkExpressions } from './expressions';
import { labelRules, takeRuleLabels } from './rule-labels';
import { REQUIRED_TABLES, type TableName } from './tables';
import { type BundleFiles, type BundleTables, validateBundle } from './validate-bundle';
import { bundleVersion } from './version';

export interface TableAnswer<T> {
  result: T;
  /** The ids of the rules that fired, from the engine's trace. */
  ruleIds: string[];
}

export interface Policy {
  version: string;
  /** The tables as validated (JDM graphs by table name): what the version hashes, and what an administrator edits. */
  tables: BundleTables;
  evaluate<T>(table: TableName, facts: object): Promise<TableAnswer<T>>;
}

interface TraceRow {
  rule?: { _id?: string };
}

function firedRules(traceData: unknown): string[] {
  const rows = (Array.isArray(traceData) ? traceData : traceData ? [traceData] : []) as TraceRow[];
  return rows.flatMap((row) => (row.rule?._id ? [row.rule._id] : []));
}

export interface LoadOptions {
  /**
   * Take rule ids from the engine's trace for every table, even those whose rules are labelled
   * (rule-labels.ts). Slower; the two agree, which is how that is tested.
   */
  traceAlways?: boolean;
}

interface Compiled {
  decision: ZenDecision;
  labelled: boolean;
}

function compile(engine: ZenEngine, name: TableName, graph: unknown): ZenDecision {
  try {
    const decision = engine.createDecision(graph as object);
    decision.validate();
    return decision;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new PolicyBundleError(`${name}.json`, `the engine refused it (${message})`);
  }
}

/**
 * Loads a bundle once: validated, versioned, and each table compiled to a decision a single time.
 * Evaluation is then a cached call; the same facts under the same bundle give the same answer.
 */
export function loadPolicy(files: BundleFiles, options: LoadOptions = {}): Policy {
  const tables = validateBundle(files);
  checkExpressions(tables);
  const engine = new ZenEngine();
  const decisions = new Map<TableName, Compiled>();
  for (const name of REQUIRED_TABLES) {
    const plain = compile(engine, name, tables[name]);
    const labelled = options.traceAlways ? null : labelRules(tables[name]);
    decisions.set(name, labelled ? { decision: compile(engine, name, labelled), labelled: true } : { decision: plain, labelled: false });
  }
  return {
    version: bundleVersion(tables),
    tables,
    async evaluate<T>(table: TableName, facts: object): Promise<TableAnswer<T>> {
      const { decision, labelled } = decisions.get(table)!;
      if (labelled) {
        const { result, ruleIds } = takeRuleLabels((await decision.evaluate(facts)).result);
        return { result: result as T, ruleIds };
      }
      const response = await decision.evaluate(facts, { trace: true });
      const trace = Object.values(response.trace ?? {}).find((t) => t.name === table);
      return { result: response.result as T, ruleIds: firedRules(trace?.traceData) };
    },
  };
}
