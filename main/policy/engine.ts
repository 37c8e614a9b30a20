import { type ZenDecision, ZenEngine } from '@gorules/zen-engine';
import { PolicyBundleError } from './bundle-error';
import { REQUIRED_TABLES, type TableName } from './tables';
import { type BundleFiles, validateBundle } from './validate-bundle';
import { bundleVersion } from './version';

export interface TableAnswer<T> {
  result: T;
  /** The ids of the rules that fired, from the engine's trace. */
  ruleIds: string[];
}

export interface Policy {
  version: string;
  evaluate<T>(table: TableName, facts: object): Promise<TableAnswer<T>>;
}

interface TraceRow {
  rule?: { _id?: string };
}

function firedRules(traceData: unknown): string[] {
  const rows = (Array.isArray(traceData) ? traceData : traceData ? [traceData] : []) as TraceRow[];
  return rows.flatMap((row) => (row.rule?._id ? [row.rule._id] : []));
}

/**
 * Loads a bundle once: validated, versioned, and each table compiled to a decision a single time.
 * Evaluation is then a cached call; the same facts under the same bundle give the same answer.
 */
export function loadPolicy(files: BundleFiles): Policy {
  const tables = validateBundle(files);
  const engine = new ZenEngine();
  const decisions = new Map<TableName, ZenDecision>();
  for (const name of REQUIRED_TABLES) {
    try {
      const decision = engine.createDecision(tables[name] as object);
      decision.validate();
      decisions.set(name, decision);
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new PolicyBundleError(`${name}.json`, `the engine refused it (${message})`);
    }
  }
  return {
    version: bundleVersion(tables),
    async evaluate<T>(table: TableName, facts: object): Promise<TableAnswer<T>> {
      const decision = decisions.get(table)!;
      const response = await decision.evaluate(facts, { trace: true });
      const trace = Object.values(response.trace ?? {}).find((t) => t.name === table);
      return { result: response.result as T, ruleIds: firedRules(trace?.traceData) };
    },
  };
}
