import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared';
import { AgentName, NoteText, When } from '../../ui/EntryParts';

/** The calls about this case, newest first, with who took each and what was written. */
export function CaseContactList({ contacts }: { contacts: readonly Contact[] }) {
  const { t } = useTranslation();
  if (contacts.length === 0) return <p className="case-empty">{t('caseDetail.noContacts')}</p>;
  return (
    <div className="case-notes">
      {contacts.map((contact) => (
        <article key={contact.id} className="case-detail-note" data-contact-id={contact.id}>
          <div className="entry-head">
            <span className="entry-kind entry-kind-contact">
              {t('timeline.call', { channel: t(`channel.${contact.channel}`), direction: t(`direction.${contact.direction}`) })}
            </span>
            <When at={contact.startedAt} />
            <AgentName agent={contact.agent} />
            {contact.cases.length > 1 && (
              <span className="entry-cases">
                {contact.cases.map((c) => (
                  <span key={c.id} className="case-number" title={c.title}>
                    {c.number}
                  </span>
                ))}
              </span>
            )}
          </div>
          {contact.notes.length === 0 ? (
            <p className="entry-text muted">{t('timeline.noNote')}</p>
          ) : (
            contact.notes.map((n) => <NoteText key={n.id} body={n.body} />)
          )}
        </article>
      ))}
    </div>
  );
}
