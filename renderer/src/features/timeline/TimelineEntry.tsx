import { memo } from 'react';
import type { HistoryItem } from '../../../../shared';
import { itemKey } from '../../state/history-items';
import { CaseOpenedEntry } from './CaseOpenedEntry';
import { ContactEntry } from './ContactEntry';
import { NoteEntry } from './NoteEntry';

interface TimelineEntryProps {
  item: HistoryItem;
  position: number;
  /** -1 while more pages may follow (the ARIA way to say "unknown"). */
  setSize: number;
  /** The entry J/K last moved to; it keeps a visible mark while focus is elsewhere. */
  current: boolean;
  onFocus(key: string): void;
  onSelectCase(caseId: string): void;
}

/**
 * Memoised: the workspace re-renders as its later reads land (drafts, focus) and the feed with it; an
 * entry whose item and place did not change need not.
 */
export const TimelineEntry = memo(function TimelineEntry({ item, position, setSize, current, onFocus, onSelectCase }: TimelineEntryProps) {
  const key = itemKey(item);
  return (
    <article
      className={`entry entry-${item.kind}${current ? ' entry-current' : ''}`}
      data-kind={item.kind}
      data-entry-key={key}
      aria-posinset={position}
      aria-setsize={setSize}
      tabIndex={-1}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocus(key);
      }}
    >
      {item.kind === 'contact' && <ContactEntry contact={item.contact} onSelectCase={onSelectCase} />}
      {item.kind === 'note' && <NoteEntry note={item.note} caseRef={item.case} onSelectCase={onSelectCase} />}
      {item.kind === 'case_opened' && (
        <CaseOpenedEntry opened={item.case} openedBy={item.openedBy} at={item.at} onSelectCase={onSelectCase} />
      )}
    </article>
  );
});
