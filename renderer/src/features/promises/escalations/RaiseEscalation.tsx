import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../errors/describe-error';
import { useProcedureMutation } from '../../../state/use-procedure-mutation';

/** Escalates a case to the supervisors by hand, with why: a reason is required, said inline when missing. */
export function RaiseEscalation({ caseId, onRaised }: { caseId: string; onRaised(): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [raised, setRaised] = useState(false);
  const { busy, error, send } = useProcedureMutation('escalations.raise');
  const id = useId();

  if (!open)
    return (
      <div className="raise-escalation">
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            setOpen(true);
            setRaised(false);
          }}
        >
          {t('escalationFlow.raise')}
        </button>
        {raised && (
          <span className="muted" role="status">
            {t('escalationFlow.raised')}
          </span>
        )}
      </div>
    );
  const submit = () => {
    if (!reason.trim()) return setMissing(true);
    setMissing(false);
    send({ caseId, reason: reason.trim() }, () => {
      setOpen(false);
      setReason('');
      setRaised(true);
      onRaised();
    });
  };
  return (
    <form
      className="raise-escalation"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor={`${id}-reason`}>{t('escalationFlow.raiseReason')}</label>
      <textarea
        id={`${id}-reason`}
        className="input"
        rows={2}
        maxLength={500}
        value={reason}
        aria-invalid={missing}
        aria-describedby={missing ? `${id}-error` : undefined}
        onChange={(e) => setReason(e.target.value)}
      />
      {missing && (
        <p id={`${id}-error`} className="form-error" role="alert">
          {t('escalationFlow.noteRequired')}
        </p>
      )}
      {error !== null && (
        <p className="form-error" role="alert">
          {describeError(error, t)}
        </p>
      )}
      <div className="raise-escalation-buttons">
        <button type="submit" className="button button-small button-primary" disabled={busy}>
          {t('escalationFlow.raiseSend')}
        </button>
        <button type="button" className="button button-small" onClick={() => setOpen(false)}>
          {t('escalationFlow.raiseCancel')}
        </button>
      </div>
    </form>
  );
}
