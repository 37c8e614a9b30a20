import { z } from 'zod';
import { PolicyBundleError } from './bundle-error';
import { ALLOWED_NODE_TYPES, REQUIRED_TABLES, type TableName } from './tables';

const Jdm = z.object({
  contentType: z.literal('application/vnd.gorules.decision').optional(),
  nodes: z.array(z.object({ id: z.string().min(1), type: z.string(), name: z.string().optional() }).passthrough()).min(1),
  edges: z.array(z.object({ sourceId: z.string(), targetId: z.string() }).passthrough()),
});

export type BundleTables = Record<TableName, unknown>;

/** Raw file contents by file name, e.g. { 'sla.json': '{...}' } or already-parsed objects. */
export type BundleFiles = Record<string, string | object>;

function parse(file: string, content: string | object): unknown {
  if (typeof content !== 'string') return content;
  try {
    return JSON.parse(content);
  } catch (error) {
    throw new PolicyBundleError(file, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/**
 * Checks a bundle before any of it is used: every required table present, each a decision graph
 * (JDM) with only deterministic node kinds. Throws PolicyBundleError naming the file and the problem.
 */
export function validateBundle(files: BundleFiles): BundleTables {
  const tables: Partial<BundleTables> = {};
  for (const name of REQUIRED_TABLES) {
    const file = `${name}.json`;
    const content = files[file];
    if (content === undefined) throw new PolicyBundleError(file, `the table "${name}" is missing from the bundle`);
    const json = parse(file, content);
    const shape = Jdm.safeParse(json);
    if (!shape.success) {
      const issue = shape.error.issues[0];
      throw new PolicyBundleError(file, `not a decision graph (${issue?.path.join('.') || 'root'}: ${issue?.message})`);
    }
    const banned = shape.data.nodes.find((n) => !ALLOWED_NODE_TYPES.has(n.type));
    if (banned)
      throw new PolicyBundleError(
        file,
        `node "${banned.name ?? banned.id}" is a ${banned.type}; only decision tables, expressions and switches are allowed`,
      );
    tables[name] = json;
  }
  const extra = Object.keys(files).filter((f) => !REQUIRED_TABLES.some((t) => `${t}.json` === f));
  if (extra.length > 0) throw new PolicyBundleError(extra[0]!, 'not a known policy table');
  return tables as BundleTables;
}
