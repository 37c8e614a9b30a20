import { useTranslation } from 'react-i18next';
import { isLead, useSession } from '../../state/use-session';
import { auditHref } from './audit-target';

/** From a case view to its audit trail, for the people who may read it (the link is the route, so Back returns). */
export function AuditCaseLink({ caseNumber, onFollow }: { caseNumber: string; onFollow?(): void }) {
  const { t } = useTranslation();
  if (!isLead(useSession())) return null;
  return (
    <a
      className="button button-small audit-case-link"
      href={auditHref({ kind: 'case', ref: caseNumber })}
      aria-label={t('audit.caseLinkLabel', { number: caseNumber })}
      onClick={onFollow}
    >
      {t('audit.caseLink')}
    </a>
  );
}
