import type { Kysely } from 'kysely';
import { AppError, type PolicyVersion } from '../../../shared';
import type { DB } from '../../db';
import { loadPolicy, type LivePolicy } from '../../policy';
import type { CoreDeps } from '../context';
import { agentRefs, unknownAgent } from '../read-models';

type Row = Pick<DB['policy_versions'], 'id' | 'version' | 'published_by' | 'published_at' | 'note'>;
const COLUMNS = ['id', 'version', 'published_by', 'published_at', 'note'] as const;

/** The latest published bundle (the active one), with its files; undefined when none was ever published. */
export async function latestPublished(db: Kysely<DB>): Promise<(Row & { files: string }) | undefined> {
  return db
    .selectFrom('policy_versions')
    .select([...COLUMNS, 'files'])
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

async function toVersions(db: Kysely<DB>, rows: Row[]): Promise<PolicyVersion[]> {
  const people = await agentRefs(
    db,
    rows.map((r) => r.published_by),
  );
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    publishedAt: r.published_at,
    publishedBy: people.get(r.published_by) ?? unknownAgent(r.published_by),
    note: r.note,
  }));
}

/** Published bundles, newest first. */
export async function listVersions(db: Kysely<DB>, limit: number): Promise<PolicyVersion[]> {
  const rows = await db
    .selectFrom('policy_versions')
    .select(COLUMNS)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return toVersions(db, rows);
}

export async function getVersion(db: Kysely<DB>, id: string): Promise<PolicyVersion> {
  const rows = await db.selectFrom('policy_versions').select(COLUMNS).where('id', '=', id).execute();
  const [version] = await toVersions(db, rows);
  if (!version) throw new AppError('not_found', `No policy version ${id}.`);
  return version;
}

/** One reload at a time per host, so an older read never replaces a newer bundle. */
const reloads = new WeakMap<LivePolicy, Promise<void>>();

/**
 * Puts the latest published bundle in force on this host, if it is not already. Called at open, after
 * this host publishes, and when another host announces a publication (the `policy` change, relayed
 * between server instances over PostgreSQL LISTEN/NOTIFY). Without any published bundle the host keeps
 * the one it started with.
 */
export function reloadActivePolicy(deps: Pick<CoreDeps, 'db' | 'policy'>): Promise<void> {
  const previous = reloads.get(deps.policy) ?? Promise.resolve();
  const next = previous
    .catch(() => {})
    .then(async () => {
      const row = await latestPublished(deps.db);
      if (row && row.version !== deps.policy.version) deps.policy.set(loadPolicy(JSON.parse(row.files) as Record<string, object>));
    });
  reloads.set(deps.policy, next);
  return next;
}
