import { describe, expect, it } from 'vitest';
import type { HistoryItem } from '../../../shared';
import { appendPage, compareNewestFirst, insertItem, itemKey, mergeFreshPage } from '../../../renderer/src/state/history-items';

const agent = { id: 'a1', name: '林晓', employeeNo: '20001' };

/** A note at minute `m` of one day (ids sort with time, as the host's UUIDv7 ids do). */
function note(m: number, id = `n${String(m).padStart(3, '0')}`): HistoryItem {
  const at = new Date(Date.UTC(2026, 10, 29, 8, m)).toISOString();
  return {
    kind: 'note',
    at,
    note: { id, caseId: null, customerId: 'c1', body: `note ${m}`, author: agent, createdAt: at, supersedes: null } as never,
    case: null,
  };
}

const keys = (items: readonly HistoryItem[]) => items.map(itemKey);

describe('history order', () => {
  it('puts the newest first and breaks ties by id, descending', () => {
    const a = note(5, 'n-a');
    const b = note(5, 'n-b');
    expect([note(1), b, note(9), a].sort(compareNewestFirst).map(itemKey)).toEqual(['note:n009', 'note:n-b', 'note:n-a', 'note:n001']);
    expect(compareNewestFirst(a, a)).toBe(0);
  });
});

describe('mergeFreshPage', () => {
  const loaded = { items: [note(9), note(8), note(7), note(6), note(5)], nextCursor: 'after-5' };

  it('keeps the older entries already paged in below a re-read first page, and their cursor', () => {
    const fresh = { items: [note(10), note(9), note(8)], nextCursor: 'after-8' };
    const merged = mergeFreshPage(loaded, fresh);
    expect(keys(merged.items)).toEqual(keys([note(10), note(9), note(8), note(7), note(6), note(5)]));
    expect(merged.nextCursor).toBe('after-5');
  });

  it('lets the fresh page win where they overlap (an entry gone from it is gone)', () => {
    const fresh = { items: [note(10), note(9), note(7)], nextCursor: 'after-7' };
    expect(keys(mergeFreshPage(loaded, fresh).items)).toEqual(keys([note(10), note(9), note(7), note(6), note(5)]));
  });

  it('takes the fresh page alone when it is the whole history, or when nothing older was loaded', () => {
    const whole = { items: [note(10), note(9)], nextCursor: null };
    expect(mergeFreshPage(loaded, whole)).toBe(whole);
    const fresh = { items: [note(10), note(9), note(8), note(7), note(6), note(5)], nextCursor: 'after-5' };
    expect(mergeFreshPage(loaded, fresh)).toBe(fresh);
    const empty = { items: [], nextCursor: null };
    expect(mergeFreshPage(loaded, empty)).toBe(empty);
  });
});

describe('insertItem', () => {
  it('places an acknowledged entry where the host would have put it', () => {
    expect(keys(insertItem([note(9), note(5)], note(7)))).toEqual(keys([note(9), note(7), note(5)]));
  });

  it('never shows one entry twice (the re-read after the change event brings it again)', () => {
    const items = [note(9), note(7)];
    const again = insertItem(items, note(7));
    expect(keys(again)).toEqual(keys(items));
    expect(again).not.toBe(items);
  });
});

describe('appendPage', () => {
  it('adds the next page below, skipping entries already there', () => {
    expect(keys(appendPage([note(9), note(8)], [note(8), note(7)]))).toEqual(keys([note(9), note(8), note(7)]));
  });
});
