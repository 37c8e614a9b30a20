import { describe, expect, it } from 'vitest';
import {
  byBreachRisk,
  filterChoices,
  hoursLeft,
  isComplaint,
  LEVEL_LIMIT_HOURS,
  matchesFilter,
  NO_FILTER,
  REGULATOR_LIMIT_HOURS,
} from '../../../renderer/src/features/queue/queue-order';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW - h * 3_600_000).toISOString();
const agent = (id: string, employeeNo: string) => ({ id, name: `A${employeeNo}`, employeeNo });

function esc(id: string, level: number, reason: string, raisedHoursAgo: number, raisedBy = agent('a1', '20001'), caseId = `case-${id}`) {
  return { id, level, reason, createdAt: hoursAgo(raisedHoursAgo), raisedBy, caseId };
}

describe('breach risk', () => {
  it('counts the level limit less the age since raised', () => {
    expect(hoursLeft(esc('x', 2, 'authority', 10), NOW)).toBeCloseTo((LEVEL_LIMIT_HOURS[2] ?? 0) - 10);
    expect(hoursLeft(esc('x', 2, 'authority', 30), NOW)).toBeLessThan(0);
  });

  it('puts the least time left first, across levels', () => {
    const rows = [
      esc('a', 3, 'broken_commitment', 1),
      esc('b', 2, 'authority', 20),
      esc('c', 2, 'authority', 2),
      esc('d', 2, 'authority', 40),
    ];
    // level 3: 72 - 1 = 71; b: 4; c: 22; d: -16 (in breach)
    expect(byBreachRisk(rows, NOW).map((e) => e.id)).toEqual(['d', 'b', 'c', 'a']);
  });

  it('a complaint whose case opened long ago is on the regulator’s 15 days when that is sooner', () => {
    const complaint = esc('k', 3, 'regulator', 1);
    expect(isComplaint(complaint)).toBe(true);
    const openedAt = new Map([['case-k', hoursAgo(REGULATOR_LIMIT_HOURS - 2)]]);
    expect(hoursLeft(complaint, NOW, openedAt.get('case-k'))).toBeCloseTo(2);
    const other = esc('o', 2, 'authority', 18); // 6 h left
    expect(byBreachRisk([other, complaint], NOW, openedAt, (e) => e.caseId).map((e) => e.id)).toEqual(['k', 'o']);
    // Without the case's opening time the complaint counts by its level only.
    expect(byBreachRisk([other, complaint], NOW).map((e) => e.id)).toEqual(['o', 'k']);
  });

  it('orders ties by age, then by id, so the order is stable', () => {
    const rows = [esc('b', 2, 'authority', 5), esc('a', 2, 'authority', 5)];
    expect(byBreachRisk(rows, NOW).map((e) => e.id)).toEqual(['a', 'b']);
    expect(byBreachRisk([...rows].reverse(), NOW).map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('does not change the list it was given', () => {
    const rows = [esc('a', 3, 'x', 1), esc('b', 2, 'x', 20)];
    byBreachRisk(rows, NOW);
    expect(rows.map((e) => e.id)).toEqual(['a', 'b']);
  });
});

describe('queue filters', () => {
  const lin = agent('a1', '20001');
  const wang = agent('a2', '20002');
  const rows = [esc('a', 2, 'authority', 1, lin), esc('b', 3, 'regulator', 1, wang), esc('c', 2, 'low_csat', 1, wang)];

  it('no filter keeps everything', () => {
    expect(rows.filter((e) => matchesFilter(e, NO_FILTER))).toHaveLength(3);
  });

  it('filters by level, reason and raiser, together', () => {
    expect(rows.filter((e) => matchesFilter(e, { ...NO_FILTER, level: 2 })).map((e) => e.id)).toEqual(['a', 'c']);
    expect(rows.filter((e) => matchesFilter(e, { ...NO_FILTER, reason: 'regulator' })).map((e) => e.id)).toEqual(['b']);
    expect(rows.filter((e) => matchesFilter(e, { ...NO_FILTER, raisedBy: 'a2' })).map((e) => e.id)).toEqual(['b', 'c']);
    expect(rows.filter((e) => matchesFilter(e, { level: 2, reason: null, raisedBy: 'a2' })).map((e) => e.id)).toEqual(['c']);
    expect(rows.filter((e) => matchesFilter(e, { level: 1, reason: null, raisedBy: null }))).toEqual([]);
  });

  it('offers each level, reason and raiser once, sorted', () => {
    const choices = filterChoices(rows);
    expect(choices.levels).toEqual([2, 3]);
    expect(choices.reasons).toEqual(['authority', 'low_csat', 'regulator']);
    expect(choices.raisers.map((a) => a.employeeNo)).toEqual(['20001', '20002']);
  });
});
