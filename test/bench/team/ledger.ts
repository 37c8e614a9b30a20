import type { Mutation, SyncPushResponse } from '../../../shared';

/** The rows a simulated desk writes, by the table they land in. */
export type WrittenTable = 'notes' | 'commitments';

const TABLE_OF: Record<string, WrittenTable> = { 'notes.add': 'notes', 'commitments.create': 'commitments' };

/** The row id a mutation writes (its args' `id`) and its table, or null for a mutation the ledger does not follow. */
export function writtenRow(mutation: Mutation): { table: WrittenTable; id: string } | null {
  const table = TABLE_OF[mutation.name];
  const id = (mutation.args as { id?: unknown } | null)?.id;
  return table && typeof id === 'string' ? { table, id } : null;
}

/**
 * What the desks were told about their writes. A write is acknowledged when a push answer lists its
 * mutation as applied or skipped (applied before): the server has promised to keep it. A refusal is
 * an error, not an acknowledgement. Afterwards `reconcile` compares the acknowledged rows with what
 * the database holds.
 */
export class WriteLedger {
  private readonly acknowledged: Record<WrittenTable, Set<string>> = { notes: new Set(), commitments: new Set() };
  private readonly mutations = new Set<string>();
  refused = 0;

  /** Records one push answer for the batch that was sent; returns the mutations it settled (acknowledged or refused). */
  record(batch: readonly Mutation[], response: SyncPushResponse): Set<string> {
    const settled = new Set([...response.applied, ...response.skipped]);
    for (const mutation of batch) {
      if (!settled.has(mutation.id)) continue;
      this.mutations.add(mutation.id);
      const row = writtenRow(mutation);
      if (row) this.acknowledged[row.table].add(row.id);
    }
    this.refused += response.refused.length;
    for (const refusal of response.refused) settled.add(refusal.id);
    return settled;
  }

  acknowledgedRows(table: WrittenTable): string[] {
    return [...this.acknowledged[table]];
  }

  acknowledgedMutations(): string[] {
    return [...this.mutations];
  }
}

export interface Reconciled {
  acknowledged: number;
  /** Acknowledged to a desk and not in the database: the number that must be 0. */
  lost: number;
  /** In the database for these desks but never acknowledged (e.g. the answer was lost on the way back). */
  unacknowledged: number;
}

/** Compares acknowledged ids with the ids the database holds for the same desks. */
export function reconcile(acknowledged: readonly string[], stored: ReadonlySet<string>, storedForDesks: number): Reconciled {
  const lost = acknowledged.filter((id) => !stored.has(id)).length;
  const found = acknowledged.length - lost;
  return { acknowledged: acknowledged.length, lost, unacknowledged: Math.max(0, storedForDesks - found) };
}
