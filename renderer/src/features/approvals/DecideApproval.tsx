import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Escalation } from '../../../../shared';
import { describeError } from '../../errors/describe-error';
import { useClient } from '../../state/client-context';
import { useMutationAttempt } from '../../state/use-mutation-attempt';

/** A supervisor's answer to a request beyond an agent's authority: approve or reject, with an optional note. */
export function DecideApproval({ escalation, onDecided }: { escalation: Escalation; onDecided(decided: Escalation): void }) {
  const { t } = useTranslation();
  const client = useClient();
  const attempt = useMutationAttempt();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const decide = (approve: boolean) => {
    const input = { id: escalation.id, approve, ...(note.trim() ? { note } : {}) };
    setBusy(true);
    setError(null);
    client
      .call('escalations.decide', input, { mutationId: attempt.idFor(JSON.stringify(input)) })
      .then((decided) => {
        attempt.succeeded();
        onDecided(decided);
      })
      .catch(setError)
      .finally(() => setBusy(false));
  };

  return (
    <div className="decide">
      <label className="decide-note">
        <span className="visually-hidden">{t('approval.note')}</span>
        <input className="input" value={note} maxLength={500} placeholder={t('approval.note')} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="button" className="button button-small button-primary" disabled={busy} onClick={() => decide(true)}>
        {t('approval.approve')}
      </button>
      <button type="button" className="button button-small" disabled={busy} onClick={() => decide(false)}>
        {t('approval.reject')}
      </button>
      {error !== null && (
        <p className="form-error decide-error" role="alert">
          {describeError(error, t)}
        </p>
      )}
    </div>
  );
}
