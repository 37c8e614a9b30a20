/** The audit trail (`#/audit`, leads): a case's or a person's audited writes with old → new, and the chain check. */
import './audit.css';
export { AuditCaseLink, AuditLink } from './AuditLinks';
export { AuditTrail } from './AuditTrail';
export { AUDIT_HREF, type AuditTarget, auditHref, auditTargetOf } from './audit-target';
