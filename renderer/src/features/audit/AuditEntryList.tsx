import { useTranslation } from 'react-i18next';
import type { AuditChange, AuditEntry } from '../../../../shared';
import { AgentName, When } from '../../ui/EntryParts';
import { actionWords, entityWords, fieldWords, valueWords } from './audit-words';

function Change({ change }: { change: AuditChange }) {
  const { t } = useTranslation();
  if (change.kind === 'changed')
    return (
      <li className="audit-change" data-kind="changed">
        <span className="audit-field">{fieldWords(change.field, t)}</span>
        <del className="audit-from">{valueWords(change.field, change.from, t)}</del>
        <span className="audit-arrow" aria-label={t('audit.changedTo')}>
          →
        </span>
        <ins className="audit-to">{valueWords(change.field, change.to, t)}</ins>
      </li>
    );
  return (
    <li className="audit-change" data-kind="recorded">
      <span className="audit-field">{fieldWords(change.field, t)}</span>
      <span className="audit-value">{valueWords(change.field, change.value, t)}</span>
    </li>
  );
}

/** The entries of one page, newest first: when, who, what in words, on what, and old → new where it was recorded. */
export function AuditEntryList({ entries }: { entries: readonly AuditEntry[] }) {
  const { t } = useTranslation();
  return (
    <ol className="audit-entries" aria-label={t('audit.listLabel')}>
      {entries.map((e) => (
        <li key={e.seq} className="audit-entry" data-seq={e.seq} data-action={e.action}>
          <div className="entry-head">
            <When at={e.at} />
            <AgentName agent={e.actor} />
            <span className="audit-seq">{t('audit.seq', { seq: e.seq })}</span>
          </div>
          <p className="audit-what">
            <strong>{actionWords(e.action, t)}</strong>{' '}
            <span className="audit-on">{t('audit.on', { entity: entityWords(e.entity, t), id: e.entityId })}</span>
          </p>
          {e.changes.length > 0 && (
            <ul className="audit-changes">
              {e.changes.map((c, i) => (
                <Change key={`${c.field}-${i}`} change={c} />
              ))}
            </ul>
          )}
          {e.changes.some((c) => c.kind === 'recorded') && <p className="audit-no-old">{t('audit.noOld')}</p>}
        </li>
      ))}
    </ol>
  );
}
