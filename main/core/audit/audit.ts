import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type AuditReport, canonicalJson } from '../../../shared';
import type { DB } from '../../db';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  at: string;
  actorId: string;
  mutationId: string;
  action: string;
  entity: string;
  entityId: string;
  data: unknown;
}

interface AuditRow {
  seq: number;
  at: string;
  actor_id: string;
  mutation_id: string;
  action: string;
  entity: string;
  entity_id: string;
  data: string;
  prev_hash: string;
  hash: string;
}

function rowHash(prevHash: string, row: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(row)).digest('hex');
}

/** Appends one row to the hash chain: hash = sha256(prev_hash ‖ canonical(row)). Call inside the write transaction. */
export async function appendAudit(trx: Kysely<DB>, entry: AuditEntry): Promise<void> {
  const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const seq = (last?.seq ?? 0) + 1;
  const row = {
    seq,
    at: entry.at,
    actor_id: entry.actorId,
    mutation_id: entry.mutationId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    data: canonicalJson(entry.data),
  };
  await trx
    .insertInto('audit_log')
    .values({ ...row, prev_hash: prevHash, hash: rowHash(prevHash, row) })
    .execute();
}

/**
 * Walks the whole chain and reports the first row whose link or content was altered, then checks
 * that the chain reaches its head (the last hash and row count kept in `audit_head`, outside the
 * chain rows): a chain that ends short of it was cut (`truncated`, at the first seq missing). The
 * head is read first and only rows up to it are walked, so writes during the walk change nothing.
 * Reads in batches by seq, so a desk with years of history verifies in bounded memory. `checked`
 * counts the rows examined, up to and including the first bad one.
 */
export async function verifyAudit(db: Kysely<DB>, batchSize = 2_000): Promise<AuditReport> {
  // A missing head (it cannot be deleted without dropping its guard) anchors an empty chain.
  const anchored = await db.selectFrom('audit_head').select(['seq', 'hash', 'count']).where('id', '=', 1).executeTakeFirst();
  const head = anchored ?? { seq: Number.MAX_SAFE_INTEGER, hash: GENESIS_HASH, count: 0 };
  let prev = GENESIS_HASH;
  let checked = 0;
  let afterSeq = 0;
  for (;;) {
    const rows = (await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', afterSeq)
      .where('seq', '<=', Number(head.seq))
      .orderBy('seq')
      .limit(batchSize)
      .execute()) as AuditRow[];
    for (const { hash, prev_hash, ...row } of rows) {
      checked += 1;
      if (prev_hash !== prev) return { ok: false, checked, firstBad: { seq: row.seq, reason: 'broken_link' } };
      if (rowHash(prev_hash, row) !== hash) return { ok: false, checked, firstBad: { seq: row.seq, reason: 'hash_mismatch' } };
      prev = hash;
    }
    if (rows.length > 0) afterSeq = rows[rows.length - 1]!.seq;
    if (rows.length < batchSize) break;
  }
  if (checked !== Number(head.count) || prev !== head.hash)
    return { ok: false, checked, firstBad: { seq: afterSeq + 1, reason: 'truncated' } };
  return { ok: true, checked, firstBad: null };
}
