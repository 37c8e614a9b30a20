import type { HistoryItem } from '../../../shared';

export function itemId(item: HistoryItem): string {
  switch (item.kind) {
    case 'contact':
      return item.contact.id;
    case 'note':
      return item.note.id;
    case 'case_opened':
      return item.case.id;
  }
}

export function itemKey(item: HistoryItem): string {
  return `${item.kind}:${itemId(item)}`;
}

/** The host's order: newest first, ties broken by id, descending. Negative when a comes first. */
export function compareNewestFirst(a: HistoryItem, b: HistoryItem): number {
  if (a.at !== b.at) return a.at > b.at ? -1 : 1;
  const ia = itemId(a);
  const ib = itemId(b);
  return ia === ib ? 0 : ia > ib ? -1 : 1;
}

export interface HistoryPage {
  items: HistoryItem[];
  nextCursor: string | null;
}

/**
 * A re-read first page laid over what is already loaded: the fresh page wins where they overlap,
 * and older entries already paged in stay, so a live update never throws away the agent's scroll.
 */
export function mergeFreshPage(current: HistoryPage, fresh: HistoryPage): HistoryPage {
  const last = fresh.items[fresh.items.length - 1];
  if (!last || fresh.nextCursor === null) return fresh;
  const seen = new Set(fresh.items.map(itemKey));
  const older = current.items.filter((item) => !seen.has(itemKey(item)) && compareNewestFirst(item, last) > 0);
  return older.length > 0 ? { items: [...fresh.items, ...older], nextCursor: current.nextCursor } : fresh;
}

/** An entry the host has just acknowledged, placed where the host would have put it. */
export function insertItem(items: readonly HistoryItem[], item: HistoryItem): HistoryItem[] {
  const key = itemKey(item);
  if (items.some((existing) => itemKey(existing) === key)) return [...items];
  const next = [...items, item];
  next.sort(compareNewestFirst);
  return next;
}

export function appendPage(items: readonly HistoryItem[], page: readonly HistoryItem[]): HistoryItem[] {
  const seen = new Set(items.map(itemKey));
  return [...items, ...page.filter((item) => !seen.has(itemKey(item)))];
}
