import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseSummary, FACT_MAX_CHARS, type PinnedFact } from '../../../../shared';
import { describeError, fieldsAtFault } from '../../errors/describe-error';
import { isOpen, newestFirst } from '../../format/cases';
import { Field } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { useProcedureMutation } from '../../state/use-procedure-mutation';

interface PinFactDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  customerId: string;
  cases: readonly CaseSummary[];
  /** The case the agent is working on, offered first. */
  defaultCaseId: string | null;
  onPinned(fact: PinnedFact): void;
}

const WHOLE_CUSTOMER = '';

/** A short fact written for the brief, e.g. "3/18 went to the outlet: out of stock". */
export function PinFactDialog({ open, onOpenChange, customerId, cases, defaultCaseId, onPinned }: PinFactDialogProps) {
  const { t } = useTranslation();
  const pin = useProcedureMutation('facts.pin').call;
  const [text, setText] = useState('');
  const [caseId, setCaseId] = useState(defaultCaseId ?? WHOLE_CUSTOMER);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const length = text.trim().length;

  // Each opening starts from the case in hand; what was typed and not pinned stays for a retry.
  useEffect(() => {
    if (open) setCaseId(defaultCaseId ?? WHOLE_CUSTOMER);
  }, [open, defaultCaseId]);

  const submit = () => {
    setError(null);
    if (length === 0) return setProblem(t('fact.empty'));
    if (length > FACT_MAX_CHARS) return setProblem(t('fact.tooLong', { count: length, max: FACT_MAX_CHARS }));
    setProblem(null);
    setBusy(true);
    pin({ customerId, text, ...(caseId ? { caseId } : {}) })
      .then((fact) => {
        setText('');
        onOpenChange(false);
        onPinned(fact);
      })
      .catch(setError)
      .finally(() => setBusy(false));
  };

  const faulty = fieldsAtFault(error);
  const message = problem ?? (error ? describeError(error, t, { text: t('fact.fieldText') }) : null);
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('fact.dialogTitle')}
      description={t('fact.dialogDescription')}
      submitLabel={busy ? t('fact.pinning') : t('fact.submit')}
      busy={busy}
      error={message}
      onSubmit={submit}
    >
      <Field label={t('fact.fieldText')} invalid={problem !== null || faulty.has('text')}>
        {(props) => (
          <textarea
            {...props}
            className="input input-multiline"
            rows={3}
            value={text}
            autoFocus
            placeholder={t('fact.placeholder')}
            aria-describedby="fact-counter"
            onChange={(e) => {
              setText(e.target.value);
              setProblem(null);
            }}
          />
        )}
      </Field>
      <p id="fact-counter" className={`field-hint${length > FACT_MAX_CHARS ? ' field-hint-over' : ''}`}>
        {t('fact.counter', { count: length, max: FACT_MAX_CHARS })}
      </p>
      <Field label={t('fact.fieldCase')}>
        {(props) => (
          <select {...props} className="input" value={caseId} onChange={(e) => setCaseId(e.target.value)}>
            <option value={WHOLE_CUSTOMER}>{t('fact.wholeCustomer')}</option>
            {newestFirst(cases).map((c) => (
              <option key={c.id} value={c.id}>
                {c.number} {c.title}
                {isOpen(c.status) ? '' : ` (${t(`status.${c.status}`)})`}
              </option>
            ))}
          </select>
        )}
      </Field>
    </FormDialog>
  );
}
