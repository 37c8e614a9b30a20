import { describe, expect, it } from 'vitest';
import {
  byBreachRisk,
  filterChoices,
  hoursLeft,
  matchesFilter,
  NO_FILTER,
  UNOWNED,
} from '../../../renderer/src/features/queue/queue-order';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const HOUR = 3_600_000;
const hoursAgo = (h: number) => new Date(NOW - h * HOUR).toISOString();
const hoursAhead = (h: number) => new Date(NOW + h * HOUR).toISOString();
const agent = (id: string, employeeNo: string) => ({ id, name: `A${employeeNo}`, employeeNo });

/** An escalation raised `raisedHoursAgo`, whose level's limit (from core) runs out in `leftHours`. */
function esc(
  id: string,
  level: number,
  reason: string,
  raisedHoursAgo: number,
  leftHours: number,
  more: { raisedBy?: ReturnType<typeof agent>; team?: string | null; owner?: ReturnType<typeof agent> | null; regulatorLeft?: number } = {},
) {
  return {
    id,
    level,
    reason,
    createdAt: hoursAgo(raisedHoursAgo),
    dueAt: hoursAhead(leftHours),
    regulatorDueAt: more.regulatorLeft === undefined ? null : hoursAhead(more.regulatorLeft),
    raisedBy: more.raisedBy ?? agent('a1', '20001'),
    team: more.team ?? null,
    owner: more.owner ?? null,
  };
}

describe('breach risk', () => {
  it('counts the time left until the level’s limit core set (dueAt)', () => {
    expect(hoursLeft(esc('x', 2, 'authority', 10, 14), NOW)).toBeCloseTo(14);
    expect(hoursLeft(esc('x', 2, 'authority', 30, -6), NOW)).toBeCloseTo(-6);
  });

  it('puts the least time left first, across levels, whatever the age', () => {
    const rows = [
      esc('a', 3, 'broken_commitment', 1, 71),
      esc('b', 2, 'authority', 20, 4),
      esc('c', 2, 'authority', 2, 22),
      esc('d', 2, 'authority', 40, -16),
      // raised a minute ago, but policy gives it one hour: it goes before older ones with more time
      esc('e', 2, 'regulator', 0, 1),
    ];
    expect(byBreachRisk(rows, NOW).map((e) => e.id)).toEqual(['d', 'e', 'b', 'c', 'a']);
  });

  it('a complaint counts the regulator’s limit when that is sooner than its level’s', () => {
    const complaint = esc('k', 3, 'regulator', 1, 40, { regulatorLeft: 2 });
    expect(hoursLeft(complaint, NOW)).toBeCloseTo(2);
    const other = esc('o', 2, 'authority', 18, 6);
    expect(byBreachRisk([other, complaint], NOW).map((e) => e.id)).toEqual(['k', 'o']);
    // a regulator's limit further off than the level's changes nothing
    expect(hoursLeft(esc('f', 2, 'conduct', 1, 5, { regulatorLeft: 300 }), NOW)).toBeCloseTo(5);
  });

  it('orders ties by age, then by id, so the order is stable', () => {
    const rows = [esc('b', 2, 'authority', 5, 3), esc('a', 2, 'authority', 5, 3), esc('c', 2, 'authority', 9, 3)];
    expect(byBreachRisk(rows, NOW).map((e) => e.id)).toEqual(['c', 'a', 'b']);
    expect(byBreachRisk([...rows].reverse(), NOW).map((e) => e.id)).toEqual(['c', 'a', 'b']);
  });

  it('does not change the list it was given', () => {
    const rows = [esc('a', 3, 'x', 1, 70), esc('b', 2, 'x', 20, 4)];
    byBreachRisk(rows, NOW);
    expect(rows.map((e) => e.id)).toEqual(['a', 'b']);
  });
});

describe('queue filters', () => {
  const lin = agent('a1', '20001');
  const wang = agent('a2', '20002');
  const lead = agent('s1', '30001');
  const rows = [
    esc('a', 2, 'authority', 1, 5, { raisedBy: lin, team: 'north' }),
    esc('b', 3, 'regulator', 1, 5, { raisedBy: wang, team: 'south', owner: lead }),
    esc('c', 2, 'low_csat', 1, 5, { raisedBy: wang, team: 'south' }),
  ];

  it('no filter keeps everything', () => {
    expect(rows.filter((e) => matchesFilter(e, NO_FILTER))).toHaveLength(3);
  });

  it('filters by level, reason, raiser, team and owner, together', () => {
    const ids = (f: Partial<typeof NO_FILTER>) => rows.filter((e) => matchesFilter(e, { ...NO_FILTER, ...f })).map((e) => e.id);
    expect(ids({ level: 2 })).toEqual(['a', 'c']);
    expect(ids({ reason: 'regulator' })).toEqual(['b']);
    expect(ids({ raisedBy: 'a2' })).toEqual(['b', 'c']);
    expect(ids({ team: 'north' })).toEqual(['a']);
    expect(ids({ owner: 's1' })).toEqual(['b']);
    expect(ids({ owner: UNOWNED })).toEqual(['a', 'c']);
    expect(ids({ level: 2, raisedBy: 'a2' })).toEqual(['c']);
    expect(ids({ team: 'south', owner: UNOWNED })).toEqual(['c']);
    expect(ids({ level: 1 })).toEqual([]);
  });

  it('offers each level, reason, team, raiser and owner once, sorted', () => {
    const choices = filterChoices(rows);
    expect(choices.levels).toEqual([2, 3]);
    expect(choices.reasons).toEqual(['authority', 'low_csat', 'regulator']);
    expect(choices.teams).toEqual(['north', 'south']);
    expect(choices.raisers.map((a) => a.employeeNo)).toEqual(['20001', '20002']);
    expect(choices.owners.map((a) => a.employeeNo)).toEqual(['30001']);
    expect(choices.unowned).toBe(true);
  });
});
