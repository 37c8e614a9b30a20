import { useTranslation } from 'react-i18next';
import { isLead, useSession } from '../../state/use-session';
import { AUDIT_HREF, auditHref } from './audit-target';

/** The way in for leads (from the dashboard): the audit trail with nothing chosen yet. */
export function AuditLink() {
  const { t } = useTranslation();
  return (
    <a className="audit-link" href={AUDIT_HREF}>
      {t('audit.open')}
    </a>
  );
}

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
