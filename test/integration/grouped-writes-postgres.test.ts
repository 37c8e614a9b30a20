import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupedWriteTransaction, writeTransaction } from '../../main/db';
import { openTempPostgresCore, startPostgres, type TempPostgresCore, type TestPostgres } from '../fixtures/embedded-postgres';

let cluster: TestPostgres;
let core: TempPostgresCore;

beforeAll(async () => {
  cluster = await startPostgres();
  core = await openTempPostgresCore(cluster, { empty: true });
}, 120_000);

afterAll(async () => {
  await core?.dispose();
  await cluster?.stop();
});

/** Inserts one meta row and answers the id of the transaction it ran in. */
async function writeRow(trx: Parameters<Parameters<typeof writeTransaction>[1]>[0], key: string): Promise<string> {
  await trx.insertInto('meta').values({ key, value: 'x' }).execute();
  const row = await sql<{ txid: string }>`select txid_current()::text as txid`.execute(trx);
  return row.rows[0]!.txid;
}

describe('groupedWriteTransaction on PostgreSQL', () => {
  it('applies the writes that queued meanwhile in one transaction; a failing one is rolled back alone', async () => {
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    // A write holding the lock while the group gathers.
    const holder = writeTransaction(core.db, async (trx) => {
      await writeRow(trx, 'holder');
      await held;
    });
    const writes = Array.from({ length: 20 }, (_, i) =>
      groupedWriteTransaction(core.db, async (trx) => {
        const txid = await writeRow(trx, `grouped-${i}`);
        if (i === 7) throw new Error('refused on purpose');
        return txid;
      }),
    );
    release();
    await holder;
    const outcomes = await Promise.allSettled(writes);

    const refused = outcomes[7]!;
    expect(refused.status).toBe('rejected');
    expect((refused as PromiseRejectedResult).reason).toEqual(new Error('refused on purpose'));
    const txids = outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o as PromiseFulfilledResult<string>).value);
    expect(txids).toHaveLength(19);
    expect(new Set(txids).size).toBe(1);

    const keys = (await core.db.selectFrom('meta').select('key').where('key', 'like', 'grouped-%').execute()).map((r) => r.key);
    expect(keys.sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `grouped-${i}`)
        .filter((key) => key !== 'grouped-7')
        .sort(),
    );
  });

  it('rejects every write of a group whose commit fails, and keeps none of them', async () => {
    // A deferred unique violation fails at COMMIT, after every member succeeded.
    await sql`create table grouped_check (k text unique deferrable initially deferred)`.execute(core.db);
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    const holder = writeTransaction(core.db, async () => held);
    const writes = [0, 1, 2].map((i) =>
      groupedWriteTransaction(core.db, async (trx) => {
        await sql`insert into grouped_check (k) values (${i === 2 ? 'same' : i === 1 ? 'same' : 'other'})`.execute(trx);
        return i;
      }),
    );
    release();
    await holder;
    const outcomes = await Promise.allSettled(writes);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    const count = await sql<{ n: string }>`select count(*)::text as n from grouped_check`.execute(core.db);
    expect(count.rows[0]!.n).toBe('0');
  });
});
