import type { TFunction } from 'i18next';
import { AppError } from '../../../../shared';
import { describeError, type FieldLabels } from '../../errors/describe-error';

const ACCOUNT_ISSUES = ['password_too_short', 'password_weak', 'employee_no_taken', 'employee_no_invalid', 'own_account'] as const;
type AccountIssue = (typeof ACCOUNT_ISSUES)[number];

function isAccountIssue(message: string): message is AccountIssue {
  return (ACCOUNT_ISSUES as readonly string[]).includes(message);
}

/** An account form's failure in words: the accounts screen's own issues first, then the desk's usual sentences. */
export function describeAccountError(error: unknown, t: TFunction, labels: FieldLabels = {}): string {
  if (error instanceof AppError) {
    const own = (error.issues ?? []).map((i) => i.message).filter(isAccountIssue);
    if (own.length > 0) return [...new Set(own)].map((issue) => t(`accounts.issue.${issue}`)).join(' ');
  }
  return describeError(error, t, labels);
}
