import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Escalation } from '../../../../../shared';
import { describeError } from '../../../errors/describe-error';
import { useProcedureMutation } from '../../../state/use-procedure-mutation';

/** A supervisor's answer to a request beyond an agent's authority: approve or reject, with an optional note. */
export function DecideEscalation({ escalation, onDecided }: { escalation: Escalation; onDecided(decided: Escalation): void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const { busy, error, send } = useProcedureMutation('escalations.decide');

  const decide = (approve: boolean) => send({ id: escalation.id, approve, ...(note.trim() ? { note } : {}) }, onDecided);

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
