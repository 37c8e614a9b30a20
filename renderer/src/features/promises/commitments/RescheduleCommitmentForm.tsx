import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../../../../shared';
import { describeError, fieldsAtFault } from '../../../errors/describe-error';
import { fromLocalInput, toLocalInput } from '../../../format/datetime-input';
import { useProcedureMutation } from '../../../state/use-procedure-mutation';
import { Field } from '../../../ui/Field';
import type { ResolvedCommitment } from './ResolveCommitmentForm';
import { FormFooter } from '../../../ui/FormFooter';
import { ReasonField } from '../../../ui/ReasonField';

interface RescheduleCommitmentFormProps {
  commitment: Commitment;
  /** The language the customer was first written to in; the notice of the new deadline uses it too. */
  locale: 'zh-CN' | 'en';
  onRescheduled(result: ResolvedCommitment): void;
  onCancel(): void;
}

const DAY_MS = 86_400_000;

/**
 * A new deadline the customer agreed to, and why. The customer gets it in writing, and the clock
 * starts over from it; a promise is moved in the open, never quietly.
 */
export function RescheduleCommitmentForm({ commitment, locale, onRescheduled, onCancel }: RescheduleCommitmentFormProps) {
  const { t } = useTranslation();
  // A day after the old deadline, or after now if that has passed: a starting point to adjust.
  const [due, setDue] = useState(() => toLocalInput(new Date(Math.max(Date.parse(commitment.dueAt), Date.now()) + DAY_MS)));
  const [reason, setReason] = useState('');
  const [dueMissing, setDueMissing] = useState(false);
  const { busy, error, send } = useProcedureMutation('commitments.reschedule');
  const faulty = fieldsAtFault(error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const dueAt = fromLocalInput(due);
    setDueMissing(dueAt === null);
    if (dueAt === null) return;
    send({ id: commitment.id, dueAt, reason, locale }, onRescheduled);
  };

  const labels = { dueAt: t('resolve.newDue'), reason: t('resolve.reasonRescheduled') };
  return (
    <form className="resolve-form" onSubmit={submit} noValidate aria-label={t('resolve.reschedule')}>
      <Field label={labels.dueAt} invalid={dueMissing || faulty.has('dueAt')}>
        {(props) => <input {...props} className="input" type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />}
      </Field>
      <ReasonField
        label={labels.reason}
        value={reason}
        placeholder={t('resolve.placeholderRescheduled')}
        invalid={faulty.has('reason')}
        onChange={setReason}
      />
      <FormFooter
        size="small"
        error={dueMissing ? t('resolve.dueRequired') : error !== null ? describeError(error, t, labels) : null}
        busy={busy}
        busyLabel={t('resolve.saving')}
        submitLabel={t('resolve.confirmRescheduled')}
        onCancel={onCancel}
      />
    </form>
  );
}
