import { useTranslation } from 'react-i18next';
import type { CaseRef, Note } from '../../../../shared';
import { AgentName, CaseChips, NoteText, When } from '../../ui/EntryParts';
import { PinNoteButton } from './PinNoteButton';

export function NoteEntry({ note, caseRef, onSelectCase }: { note: Note; caseRef: CaseRef | null; onSelectCase(caseId: string): void }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="entry-head">
        <span className="entry-kind entry-kind-note">{t('timeline.noteKind')}</span>
        <When at={note.createdAt} />
        <AgentName agent={note.author} />
        <CaseChips cases={caseRef ? [caseRef] : []} onSelect={onSelectCase} />
        <span className="entry-actions">
          <PinNoteButton note={note} />
        </span>
      </div>
      <NoteText body={note.body} />
    </>
  );
}
