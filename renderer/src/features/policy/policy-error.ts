import type { TFunction } from 'i18next';
import { AppError } from '../../../../shared';
import { describeError } from '../../errors/describe-error';

/**
 * A refused bundle in words: which file and what is wrong (the host's `invalid_input` issue on
 * `files.<file>` carries the engine's or the validator's own description), or the general error.
 */
export function describePolicyError(error: unknown, t: TFunction): string {
  if (error instanceof AppError) {
    const issue = error.issues?.find((i) => i.path.startsWith('files.'));
    if (error.code === 'invalid_input' && issue)
      return t('policyAdmin.refused', { file: issue.path.slice('files.'.length), problem: issue.message });
    if (error.code === 'conflict' && error.issues?.some((i) => i.message === 'unchanged')) return t('policyAdmin.unchanged');
  }
  return describeError(error, t);
}
