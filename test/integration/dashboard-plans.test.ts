import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  brokenByAgent,
  caseIdsBehind,
  csatTrend,
  type Filter,
  openEscalations,
  promisesKept,
  repeatContacts,
  slaByCategory,
} from '../../main/core/dashboard/queries';
import type { DB } from '../../main/db';
import { DESK } from '../fixtures/supervision';
import { openTempCore, type TempCore } from '../fixtures/temp-core';

let t: TempCore;
beforeAll(async () => {
  t = await openTempCore({ synthetic: 5 });
});
afterAll(() => t.dispose());

function plan(query: string, params: readonly unknown[]): string {
  return (t.sqlite.raw.prepare(`explain query plan ${query}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
}

/** Runs `read` on a Kysely that records each statement, and returns each statement's plan. */
async function plansOf(read: (db: Kysely<DB>) => Promise<unknown>): Promise<string[]> {
  const statements: { sql: string; parameters: readonly unknown[] }[] = [];
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: t.sqlite.raw }),
    log: (event) => {
      if (event.level === 'query') statements.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  await read(db);
  return statements.map((s) => plan(s.sql, s.parameters));
}

const f: Filter = { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z', agents: null };
const some: Filter = { ...f, agents: [DESK.id] };
const now = new Date('2026-11-01T00:00:00.000Z');
/** A table read whole: the plans below must never do this to a table that grows. */
const FULL_SCAN = /^SCAN (commitments|cases|contacts|surveys|escalations|customers|contact_cases)\b(?! USING)/m;

/** Every chart reads its range through an index of 0010, never a whole table. */
describe('dashboard query plans', () => {
  it.each([
    [
      'promises kept',
      (db: Kysely<DB>) => promisesKept(db, f),
      /SEARCH commitments USING COVERING INDEX commitments_settled \(status=\? AND resolved_at>\? AND resolved_at<\?\)/,
    ],
    ['promises kept, some agents', (db: Kysely<DB>) => promisesKept(db, some), /USING COVERING INDEX commitments_settled/],
    ['broken by agent', (db: Kysely<DB>) => brokenByAgent(db, f), /SEARCH commitments USING COVERING INDEX commitments_settled/],
    [
      'SLA by category',
      (db: Kysely<DB>) => slaByCategory(db, t.core.deps.policy, f),
      // One range of cases_resolved, which carries the customer's tier (0016): no look-up per case.
      /^SEARCH c USING COVERING INDEX cases_resolved \(resolved_at>\? AND resolved_at<\?\)\nUSE TEMP B-TREE FOR GROUP BY$/,
    ],
    [
      'repeat contacts',
      (db: Kysely<DB>) => repeatContacts(db, f),
      // The window starts and ends at 08:00 in Beijing: both part-days from the contacts, the whole days from the counters.
      /^SEARCH contacts USING COVERING INDEX contacts_started \(started_at>\? AND started_at<\?\)\n.*\nSEARCH contact_days USING PRIMARY KEY \(day>\? AND day<\?\)\nSEARCH contacts USING COVERING INDEX contacts_started \(started_at>\? AND started_at<\?\)\n/,
    ],
    [
      'repeat contacts, some agents',
      (db: Kysely<DB>) => repeatContacts(db, some),
      /SEARCH contact_days USING PRIMARY KEY \(day>\? AND day<\?\)/,
    ],
    [
      'CSAT',
      (db: Kysely<DB>) => csatTrend(db, f),
      /SEARCH surveys USING COVERING INDEX surveys_answered \(answered_at>\? AND answered_at<\?\)/,
    ],
    [
      'open escalations',
      (db: Kysely<DB>) => openEscalations(db, f, now),
      /SEARCH escalations USING COVERING INDEX escalations_(open_age|status) \(status=\?/,
    ],
    [
      'open escalations, some agents',
      (db: Kysely<DB>) => openEscalations(db, some, now),
      /SEARCH escalations USING COVERING INDEX escalations_open_age \(status=\?/,
    ],
  ])('%s uses its index', async (_name, read, expected) => {
    const plans = await plansOf(read);
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.join('\n')).toMatch(expected);
    for (const p of plans) expect(p).not.toMatch(FULL_SCAN);
  });

  it.each([
    ['promisesKept', '2026-10-05'],
    ['brokenByAgent', DESK.id],
    ['slaByCategory', 'billing'],
    ['repeatContacts', '2026-10-05'],
    ['csatTrend', '2026-10-05'],
    ['openEscalations', '2:gt7d'],
  ] as const)('the cases behind a %s bar are read through an index', async (chart, key) => {
    const plans = await plansOf((db) => caseIdsBehind(db, t.core.deps.policy, chart, key, f, now, 100));
    for (const p of plans) expect(p).not.toMatch(FULL_SCAN);
    expect(plans.join('\n')).toMatch(
      /USING (COVERING )?INDEX (commitments_settled|cases_resolved|contacts_started|surveys_answered|escalations_)/,
    );
  });
});
