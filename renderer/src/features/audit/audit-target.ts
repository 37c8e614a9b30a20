/** Whose trail the audit screen shows: a case (its id or number) or a person (employee number). */
export type AuditTarget = { kind: 'case'; ref: string } | { kind: 'person'; employeeNo: string };

/** The audit trail with nothing chosen yet. */
export const AUDIT_HREF = '#/audit';

/** `#/audit?case=C-1234-5678` or `#/audit?person=30001` → the target; anything else → none yet. */
export function auditTargetOf(hash: string): AuditTarget | null {
  const query = hash.split('?')[1];
  if (!query) return null;
  const params = new URLSearchParams(query);
  const ref = params.get('case')?.trim();
  if (ref) return { kind: 'case', ref };
  const employeeNo = params.get('person')?.trim();
  if (employeeNo) return { kind: 'person', employeeNo };
  return null;
}

/** The link to a target's trail, so Back, reload and a link from the case view all land on it. */
export function auditHref(target: AuditTarget): string {
  const params = new URLSearchParams(target.kind === 'case' ? { case: target.ref } : { person: target.employeeNo });
  return `${AUDIT_HREF}?${params.toString()}`;
}
