import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commitment, ProcedureOutput } from '../../../../../shared';
import { describeError, fieldsAtFault } from '../../../errors/describe-error';
import { useProcedureMutation } from '../../../state/use-procedure-mutation';
import { FormFooter } from '../../../ui/FormFooter';
import { ReasonField } from '../../../ui/ReasonField';

export type Resolution = 'kept' | 'cancelled';
export type ResolvedCommitment = ProcedureOutput<'commitments.resolve'>;

interface ResolveCommitmentFormProps {
  commitment: Commitment;
  status: Resolution;
  /** The language the customer was first written to in; the follow-up uses it too. */
  locale: 'zh-CN' | 'en';
  onResolved(result: ResolvedCommitment): void;
  onCancel(): void;
}

/** Kept or cancelled, with the reason; the customer is told in writing either way. */
export function ResolveCommitmentForm({ commitment, status, locale, onResolved, onCancel }: ResolveCommitmentFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const { busy, error, send } = useProcedureMutation('commitments.resolve');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    send({ id: commitment.id, status, reason, locale }, onResolved);
  };

  const label = status === 'kept' ? t('resolve.reasonKept') : t('resolve.reasonCancelled');
  return (
    <form className="resolve-form" onSubmit={submit} noValidate aria-label={status === 'kept' ? t('resolve.kept') : t('resolve.cancel')}>
      <ReasonField
        label={label}
        value={reason}
        placeholder={status === 'kept' ? t('resolve.placeholderKept') : t('resolve.placeholderCancelled')}
        invalid={fieldsAtFault(error).has('reason')}
        onChange={setReason}
      />
      <FormFooter
        size="small"
        tone={status === 'kept' ? 'primary' : 'danger'}
        error={error !== null ? describeError(error, t, { reason: label }) : null}
        busy={busy}
        busyLabel={t('resolve.saving')}
        submitLabel={status === 'kept' ? t('resolve.confirmKept') : t('resolve.confirmCancelled')}
        onCancel={onCancel}
      />
    </form>
  );
}
