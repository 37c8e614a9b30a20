import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError, type Escalation, type Offer, type SuppliedFacts } from '../../../../../shared';
import { fieldsAtFault } from '../../../errors/describe-error';
import { useProcedureMutation } from '../../../state/use-procedure-mutation';
import { Field } from '../../../ui/Field';
import { describeCommitmentError } from '../commitments/describe-commitment-error';
import { parseAmount } from '../commitments/parse-amount';
import { FormFooter } from '../../../ui/FormFooter';
import { ReasonField } from '../../../ui/ReasonField';

interface AskSupervisorFormProps {
  caseId: string;
  offer: Offer;
  supplied: SuppliedFacts;
  onSent(escalation: Escalation): void;
  onCancel(): void;
}

/** An offer beyond the agent's authority: ask a supervisor, with the amount and why. */
export function AskSupervisorForm({ caseId, offer, supplied, onSent, onCancel }: AskSupervisorFormProps) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState(String(offer.limit));
  const [reason, setReason] = useState('');
  const { busy, error, setError, send } = useProcedureMutation('escalations.request');
  const faulty = fieldsAtFault(error);
  const parsed = parseAmount(amount);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    // An empty amount is a blank to fill in, not a request to the host.
    if (parsed === null) return setError(new AppError('invalid_input', 'amount', [{ path: 'amount', message: 'required' }]));
    send({ caseId, offer: offer.offer, amount: parsed, reason, supplied }, onSent);
  };

  return (
    <form className="ask-form" onSubmit={submit} noValidate aria-label={t('approval.ask.title')}>
      <div className="field-row">
        <Field label={t(offer.unit === 'days' ? 'approval.ask.days' : 'approval.ask.amount')} invalid={faulty.has('amount')}>
          {(props) => (
            <input
              {...props}
              className="input input-amount"
              type="number"
              step={1}
              min={0}
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          )}
        </Field>
      </div>
      <ReasonField
        label={t('approval.ask.reason')}
        value={reason}
        placeholder={t('approval.ask.reasonPlaceholder')}
        invalid={faulty.has('reason')}
        onChange={setReason}
      />
      <FormFooter
        size="small"
        error={error !== null ? describeCommitmentError(error, t, offer, parsed) : null}
        busy={busy}
        busyLabel={t('approval.ask.saving')}
        submitLabel={t('approval.ask.submit')}
        onCancel={onCancel}
      />
    </form>
  );
}
