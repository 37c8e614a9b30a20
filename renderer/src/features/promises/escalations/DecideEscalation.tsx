import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Escalation } from '../../../../../shared';
import { describeError } from '../../../errors/describe-error';
import { formatAmount, unitOf } from '../../../format/amount';
import { useProcedureQuery } from '../../../state/queries';
import { useProcedureMutation } from '../../../state/use-procedure-mutation';

/** A supervisor's answer to a request beyond an agent's authority: approve (a note is optional) or deny (a note saying why is required). */
export function DecideEscalation({ escalation, onDecided }: { escalation: Escalation; onDecided(decided: Escalation): void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const { busy, error, send } = useProcedureMutation('escalations.decide');

  const decide = (approve: boolean) => {
    // A denial reaches the agent who asked: it says why (core refuses one without, too).
    if (!approve && !note.trim()) return setNoteMissing(true);
    setNoteMissing(false);
    send({ id: escalation.id, approve, ...(note.trim() ? { note } : {}) }, onDecided);
  };
  const noteErrorId = `decide-note-error-${escalation.id}`;
  // Policy as it stands now, for this approver and with what the requester supplied: the host judges
  // the approval by it, so the approver sees where it differs from what was asked.
  const now = useProcedureQuery('policy.evaluate', escalation.offer ? { caseId: escalation.caseId, supplied: escalation.supplied } : null, {
    staleTime: 0,
  }).data?.offers.find((o) => o.offer === escalation.offer);
  const asked = escalation.amount ?? 0;
  const unit = escalation.offer ? unitOf(escalation.offer) : 'yuan';

  return (
    <div className="decide">
      {now && (
        <p className={`decide-policy${now.status === 'not_allowed' || now.limit < asked ? ' decide-policy-changed' : ''}`}>
          {now.status === 'not_allowed'
            ? t('approval.policyNow.notAllowed')
            : t(now.limit < asked ? 'approval.policyNow.belowAsked' : 'approval.policyNow.limit', {
                limit: formatAmount(now.limit, unit, t),
                authority: formatAmount(now.authorityLimit, unit, t),
              })}
        </p>
      )}
      <label className="decide-note">
        <span className="visually-hidden">{t('approval.note')}</span>
        <input
          className="input"
          value={note}
          maxLength={500}
          placeholder={t('approval.note')}
          aria-invalid={noteMissing}
          aria-describedby={noteMissing ? noteErrorId : undefined}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <button type="button" className="button button-small button-primary" disabled={busy} onClick={() => decide(true)}>
        {t('approval.approve')}
      </button>
      <button type="button" className="button button-small" disabled={busy} onClick={() => decide(false)}>
        {t('approval.reject')}
      </button>
      {noteMissing && (
        <p id={noteErrorId} className="form-error decide-error" role="alert">
          {t('escalationFlow.noteRequired')}
        </p>
      )}
      {error !== null && (
        <p className="form-error decide-error" role="alert">
          {describeError(error, t)}
        </p>
      )}
    </div>
  );
}
