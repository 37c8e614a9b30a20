import type { Shortcut } from './use-shortcut';

/**
 * Every key the desk answers to, in one place: the handlers use these, and the `?` list prints
 * them, so the list cannot drift from what the keys do. `keys` is printed on key caps as is.
 */
export const SHORTCUTS = {
  search: { shortcut: { key: 'k', ctrl: true }, keys: 'Ctrl K' },
  note: { shortcut: { key: 'n', alt: true }, keys: 'Alt N' },
  saveNote: { shortcut: { key: 'Enter', ctrl: true }, keys: 'Ctrl Enter' },
  newCase: { shortcut: { key: 'c', alt: true }, keys: 'Alt C' },
  caseView: { shortcut: { key: 'o', alt: true }, keys: 'Alt O' },
  pinFact: { shortcut: { key: 'p', alt: true }, keys: 'Alt P' },
  incidents: { shortcut: { key: 'i', alt: true }, keys: 'Alt I' },
  offers: { shortcut: { key: 'f', alt: true }, keys: 'Alt F' },
  commitment: { shortcut: { key: 'm', alt: true }, keys: 'Alt M' },
  nextEntry: { shortcut: { key: 'j' }, keys: 'J' },
  previousEntry: { shortcut: { key: 'k' }, keys: 'K' },
  nextEntryAlt: { shortcut: { key: 'ArrowDown', alt: true }, keys: 'Alt ↓' },
  previousEntryAlt: { shortcut: { key: 'ArrowUp', alt: true }, keys: 'Alt ↑' },
  pinEntry: { shortcut: { key: 'p' }, keys: 'P' },
  help: { shortcut: { key: '?' }, keys: '?' },
  // Radix dialogs and the search list close themselves on Escape; listed so the agent knows.
  close: { shortcut: { key: 'Escape' }, keys: 'Esc' },
} as const satisfies Record<string, { shortcut: Shortcut; keys: string }>;

export type ShortcutId = keyof typeof SHORTCUTS;

/** How the `?` list groups them. Pairs of keys that do one thing are shown on one line. */
export const SHORTCUT_GROUPS: ReadonlyArray<{
  group: 'find' | 'write' | 'read' | 'help';
  items: ReadonlyArray<ReadonlyArray<ShortcutId>>;
}> = [
  { group: 'find', items: [['search'], ['caseView'], ['incidents']] },
  { group: 'write', items: [['note'], ['saveNote'], ['offers'], ['commitment'], ['newCase'], ['pinFact']] },
  { group: 'read', items: [['nextEntry', 'nextEntryAlt'], ['previousEntry', 'previousEntryAlt'], ['pinEntry']] },
  { group: 'help', items: [['help'], ['close']] },
];
