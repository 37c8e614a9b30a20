import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared';
import { useDeskActions } from '../../state/desk-actions';
import { AgentName, CaseChips, NoteText, When } from '../../ui/EntryParts';
import { ReviewContactButton } from '../reviews';
import { PinNoteButton } from './PinNoteButton';

export function ContactEntry({ contact, onSelectCase }: { contact: Contact; onSelectCase(caseId: string): void }) {
  const { t } = useTranslation();
  const actions = useDeskActions();
  const first = contact.notes[0];
  return (
    <>
      <div className="entry-head">
        <span className={`entry-kind entry-kind-contact entry-channel-${contact.channel}`}>
          {t('timeline.call', { channel: t(`channel.${contact.channel}`), direction: t(`direction.${contact.direction}`) })}
        </span>
        <When at={contact.startedAt} />
        <AgentName agent={contact.agent} />
        <CaseChips cases={contact.cases} onSelect={onSelectCase} />
        {actions && (
          <span className="entry-actions">
            {actions.canLink(contact) && (
              <button type="button" className="entry-action" onClick={() => actions.linkContact(contact)} title={t('link.hint')}>
                {t('link.action')}
              </button>
            )}
            {first && <PinNoteButton note={first} />}
            <ReviewContactButton contact={contact} />
          </span>
        )}
      </div>
      {contact.notes.length === 0 ? (
        <p className="entry-text muted">{t('timeline.noNote')}</p>
      ) : (
        contact.notes.map((note) => <NoteText key={note.id} body={note.body} />)
      )}
    </>
  );
}
