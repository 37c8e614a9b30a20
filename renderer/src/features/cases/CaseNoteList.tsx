import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../../shared';
import { PinNoteButton } from '../timeline';
import { AgentName, NoteText, When } from '../../ui/EntryParts';

/** Every note on the case, newest first; a note reached from search is marked and brought into view. */
export function CaseNoteList({ notes, foundNoteId }: { notes: readonly Note[]; foundNoteId: string | null }) {
  const { t } = useTranslation();
  const found = useRef<HTMLElement>(null);
  useEffect(() => {
    found.current?.scrollIntoView({ block: 'center' });
  }, [foundNoteId, notes.length]);
  if (notes.length === 0) return <p className="case-empty">{t('caseDetail.noNotes')}</p>;
  const sorted = [...notes].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  return (
    <div className="case-notes">
      {sorted.map((note) => (
        <article
          key={note.id}
          ref={note.id === foundNoteId ? found : undefined}
          className={`case-detail-note${note.id === foundNoteId ? ' case-detail-note-found' : ''}`}
          data-note-id={note.id}
        >
          <div className="entry-head">
            <When at={note.createdAt} />
            <AgentName agent={note.author} />
            {note.contactId && <span className="entry-tag">{t('caseDetail.fromCall')}</span>}
            <span className="entry-actions">
              <PinNoteButton note={note} />
            </span>
          </div>
          <NoteText body={note.body} />
        </article>
      ))}
    </div>
  );
}
