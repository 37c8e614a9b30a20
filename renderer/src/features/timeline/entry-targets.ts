import type { HistoryItem, Note } from '../../../../shared';

/** The note an entry would pin: the note itself, or the (first) note written for a call. */
export function entryNote(item: HistoryItem): Note | null {
  if (item.kind === 'note') return item.note;
  if (item.kind === 'contact') return item.contact.notes[0] ?? null;
  return null;
}

/** The case an entry is about, opened with Enter on the entry. */
export function entryCase(item: HistoryItem): string | null {
  if (item.kind === 'note') return item.case?.id ?? item.note.caseId;
  if (item.kind === 'contact') return item.contact.cases[0]?.id ?? null;
  return item.case.id;
}
