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
  onSelectCase(caseId: string): void;
}

export function TimelineEntry({ item, position, setSize, onSelectCase }: TimelineEntryProps) {
  return (
    <article className={`entry entry-${item.kind}`} data-kind={item.kind} data-entry-key={itemKey(item)} aria-posinset={position} aria-setsize={setSize}>
      {item.kind === 'contact' && <ContactEntry contact={item.contact} onSelectCase={onSelectCase} />}
      {item.kind === 'note' && <NoteEntry note={item.note} caseRef={item.case} onSelectCase={onSelectCase} />}
      {item.kind === 'case_opened' && <CaseOpenedEntry opened={item.case} openedBy={item.openedBy} at={item.at} onSelectCase={onSelectCase} />}
    </article>
  );
}
