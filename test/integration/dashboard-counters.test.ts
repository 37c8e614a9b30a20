import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../main/core/demo/names';
import { type Filter, repeatContacts, resolutionTargets, slaByCategory } from '../../main/core/dashboard/queries';
import { openTempCore, type TempCore } from '../fixtures/temp-core';

// The copies 0016 keeps for the dashboard (day counters of contacts, the customer's tier on each case)
// must give exactly what reading the rows themselves gives, whatever writes them.
let t: TempCore;
beforeAll(async () => {
  t = await openTempCore({ synthetic: 40 });
});
afterAll(() => t.dispose());

interface Day {
  day: string;
  inbound: number;
  repeats: number;
}

/** The definition: every inbound contact of the range, grouped by Beijing day. */
function byContacts(f: Filter): Day[] {
  const agents = f.agents === null ? '' : f.agents === 'none' ? ' and 0' : ` and agent_id in (${f.agents.map(() => '?').join(', ')})`;
  return t.sqlite.raw
    .prepare(
      `select substr(datetime(started_at, '+8 hours'), 1, 10) as day, count(*) as inbound, sum(case when is_repeat = 1 then 1 else 0 end) as repeats
       from contacts where started_at >= ? and started_at < ? and direction = 'inbound'${agents} group by 1 order by 1`,
    )
    .all(f.from, f.to, ...(Array.isArray(f.agents) ? f.agents : [])) as Day[];
}

const counters = async (f: Filter) =>
  (await repeatContacts(t.sqlite.db, f)).map(({ day, inbound, repeats }) => ({ day, inbound, repeats }));

function agentIds(): string[] {
  return (t.sqlite.raw.prepare(`select distinct agent_id from contacts order by agent_id`).all() as { agent_id: string }[]).map(
    (r) => r.agent_id,
  );
}

function span(): { min: number; max: number } {
  const row = t.sqlite.raw.prepare(`select min(started_at) as min, max(started_at) as max from contacts`).get() as {
    min: string;
    max: string;
  };
  return { min: Date.parse(row.min), max: Date.parse(row.max) };
}

describe('the repeat-contact day counters', () => {
  it('answer every range like counting the contacts: whole days, part-days at either end, within one day, some agents', async () => {
    const { min, max } = span();
    const random = seededRandom(7);
    const agents = agentIds();
    expect(agents.length).toBeGreaterThan(1);
    let nonEmpty = 0;
    for (let i = 0; i < 60; i++) {
      const a = min + random() * (max - min);
      const length = [3_600_000, 20 * 3_600_000, 3 * 86_400_000, 30 * 86_400_000][i % 4]!;
      const f: Filter = {
        from: new Date(a).toISOString(),
        to: new Date(a + length).toISOString(),
        agents: i % 3 === 0 ? agents.slice(0, 2) : i % 7 === 0 ? 'none' : null,
      };
      const expected = byContacts(f);
      if (expected.length > 0) nonEmpty++;
      expect(await counters(f)).toEqual(expected);
    }
    // Beijing midnight to midnight: the counters alone.
    const whole: Filter = { from: '2026-01-01T16:00:00.000Z', to: new Date(max + 86_400_000).toISOString(), agents: null };
    expect(await counters(whole)).toEqual(byContacts(whole));
    expect(nonEmpty).toBeGreaterThan(10);
  });

  it('follow contacts that are logged, moved, re-marked and deleted', async () => {
    const [agent, other] = agentIds();
    const customer = (t.sqlite.raw.prepare(`select id from customers limit 1`).get() as { id: string }).id;
    const all: Filter = { from: '2000-01-01T00:00:00.000Z', to: '2100-01-01T00:00:00.000Z', agents: null };
    const insert = t.sqlite.raw.prepare(
      `insert into contacts (id, customer_id, agent_id, channel, direction, started_at, is_repeat) values (?, ?, ?, 'phone', ?, ?, ?)`,
    );
    insert.run('cnt-1', customer, agent, 'inbound', '2030-05-01T15:59:59.999Z', 1); // 23:59 in Beijing
    insert.run('cnt-2', customer, agent, 'outbound', '2030-05-01T10:00:00.000Z', 0);
    expect(await counters(all)).toEqual(byContacts(all));
    t.sqlite.raw.exec(`update contacts set started_at = '2030-05-01T16:00:00.000Z' where id = 'cnt-1'`); // the next Beijing day
    t.sqlite.raw.exec(`update contacts set direction = 'inbound', agent_id = '${other}' where id = 'cnt-2'`);
    t.sqlite.raw.exec(`update contacts set is_repeat = 0 where id = 'cnt-1'`);
    expect(await counters(all)).toEqual(byContacts(all));
    t.sqlite.raw.exec(
      `delete from contact_cases where contact_id in ('cnt-1', 'cnt-2'); delete from contacts where id in ('cnt-1', 'cnt-2')`,
    );
    expect(await counters(all)).toEqual(byContacts(all));
    const left = t.sqlite.raw.prepare(`select inbound from contact_days where day in ('2030-05-01', '2030-05-02')`).all();
    expect(left.every((r) => (r as { inbound: number }).inbound === 0)).toBe(true);
  });
});

describe('the customer tier on each case', () => {
  const mismatched = () =>
    (
      t.sqlite.raw
        .prepare(
          `select count(*) as n from cases join customers on customers.id = cases.customer_id where cases.customer_tier is not customers.tier`,
        )
        .get() as { n: number }
    ).n;

  it('is the customer’s tier for every case, and follows a change of tier through customers.update', async () => {
    expect(mismatched()).toBe(0);
    const row = t.sqlite.raw
      .prepare(
        `select customers.id, customers.tier, customers.version from customers join cases on cases.customer_id = customers.id limit 1`,
      )
      .get() as { id: string; tier: string; version: number };
    const tier = row.tier === 'gold' ? 'platinum' : 'gold';
    await t.call('customers.update', { id: row.id, version: row.version, tier });
    const tiers = t.sqlite.raw.prepare(`select distinct customer_tier from cases where customer_id = ?`).all(row.id);
    expect(tiers).toEqual([{ customer_tier: tier }]);
    expect(mismatched()).toBe(0);
  });

  it('is set on a case created for a customer', async () => {
    const customer = await t.call('customers.create', { name: '层级客户', phone: '13900044777' });
    const created = await t.call('cases.create', { customerId: customer.id, title: '层级', category: 'billing' });
    expect(t.sqlite.raw.prepare(`select customer_tier from cases where id = ?`).get(created.id)).toEqual({ customer_tier: customer.tier });
  });
});

describe('the SLA chart counted in the database', () => {
  /** The definition: each resolved case with its customer's tier, compared in code with its combination's target. */
  async function byCases(f: Filter) {
    const targets = new Map(
      (await resolutionTargets(t.core.deps.policy)).map((x) => [`${x.category}|${x.priority}|${x.tier}|${x.complaint}`, x.hours]),
    );
    const rows = t.sqlite.raw
      .prepare(
        `select c.category, c.priority, cu.tier, case when c.category = 'conduct_complaint' or c.level >= 2 then 1 else 0 end as complaint,
           (julianday(c.resolved_at) - julianday(c.opened_at)) * 24 as took
         from cases c join customers cu on cu.id = c.customer_id where c.resolved_at >= ? and c.resolved_at < ?`,
      )
      .all(f.from, f.to) as { category: string; priority: string; tier: string; complaint: number; took: number }[];
    const by = new Map<string, { resolved: number; withinSla: number }>();
    for (const r of rows) {
      const target = targets.get(`${r.category}|${r.priority}|${r.tier}|${r.complaint}`) ?? Number.POSITIVE_INFINITY;
      const row = by.get(r.category) ?? { resolved: 0, withinSla: 0 };
      row.resolved++;
      if (r.took - target <= 0) row.withinSla++;
      by.set(r.category, row);
    }
    return [...by].sort(([a], [b]) => (a < b ? -1 : 1)).map(([category, r]) => ({ category, ...r }));
  }

  it('gives what comparing every case with its target in code gives, over many ranges', async () => {
    // Resolve the cases after 0–599 hours and some minutes, at every priority and level (the rows are what the chart reads).
    t.sqlite.raw.exec(`update cases set status = 'resolved',
      priority = case rowid % 4 when 0 then 'low' when 1 then 'normal' when 2 then 'high' else 'urgent' end,
      level = 1 + rowid % 3,
      resolved_at = strftime('%Y-%m-%dT%H:%M:%fZ', opened_at, '+' || ((rowid * 37) % 600) || ' hours', '+' || (rowid % 60) || ' minutes'),
      resolved_by = opened_by`);
    const row = t.sqlite.raw.prepare(`select min(resolved_at) as min, max(resolved_at) as max from cases`).get() as {
      min: string;
      max: string;
    };
    const min = Date.parse(row.min);
    const max = Date.parse(row.max);
    const random = seededRandom(11);
    let resolved = 0;
    for (let i = 0; i < 30; i++) {
      const a = min + random() * (max - min);
      const f: Filter = { from: new Date(a).toISOString(), to: new Date(a + (1 + (i % 5) * 10) * 86_400_000).toISOString(), agents: null };
      const rows = (await slaByCategory(t.sqlite.db, t.core.deps.policy, f)).map(({ category, resolved, withinSla }) => ({
        category,
        resolved,
        withinSla,
      }));
      expect(rows).toEqual(await byCases(f));
      resolved += rows.reduce((sum, r) => sum + r.resolved, 0);
    }
    expect(resolved).toBeGreaterThan(20);
  });
});
