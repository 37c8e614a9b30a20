import { useTranslation } from 'react-i18next';
import type { CaseChange } from '../../../../shared';
import { caseFieldName, caseFieldValue } from '../../format/case-change';
import { AgentName, When } from '../../ui/EntryParts';

/** Who changed which field, when, from what to what; read back from the audit log, newest first. */
export function CaseChangeList({ changes }: { changes: readonly CaseChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <p className="case-empty">{t('caseDetail.noChanges')}</p>;
  return (
    <ol className="case-changes">
      {changes.map((change, i) => (
        <li key={`${change.at}-${change.field}-${i}`} className="case-change">
          <div className="entry-head">
            <When at={change.at} />
            <AgentName agent={change.actor} />
          </div>
          <p className="case-change-what">
            <span className="case-change-field">{caseFieldName(change.field, t)}</span>
            <span className="case-change-from">{caseFieldValue(change.field, change.from, t)}</span>
            <span className="case-change-arrow" aria-label={t('caseDetail.changedTo')}>
              →
            </span>
            <span className="case-change-to">{caseFieldValue(change.field, change.to, t)}</span>
          </p>
        </li>
      ))}
    </ol>
  );
}
