import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Agent, type Escalation, worksLevel } from '../../../../shared';
import { describeError } from '../../errors/describe-error';
import { useProcedureQuery } from '../../state/queries';
import { useProcedureMutation } from '../../state/use-procedure-mutation';

type Step = 'accept' | 'resolve' | 'deescalate' | 'escalate' | 'reassign';

/** Which steps to offer in each state (core's transition table decides; this only hides what would be refused). */
const OFFERED: Readonly<Record<Escalation['status'], readonly Step[]>> = {
  open: ['accept', 'reassign', 'deescalate', 'escalate'],
  accepted: ['resolve', 'reassign', 'deescalate', 'escalate'],
  escalated: ['accept', 'reassign', 'deescalate'],
  approved: ['resolve'],
  denied: ['resolve'],
  resolved: [],
};
/**
 * The steps to offer `me`: those the state allows, at a level `me` works, and once someone else has
 * accepted it only reassigning (administrators excepted) — the same rules core applies.
 */
export function stepsFor(e: Escalation, me: Agent | null): Step[] {
  if (!me || !worksLevel(me.role, e.level)) return [];
  const theirs = e.status === 'accepted' && e.owner !== null && e.owner.id !== me.id && me.role !== 'admin';
  return OFFERED[e.status]
    .filter((s) => s !== 'escalate' || e.level < 3)
    .filter((s) => s !== 'deescalate' || e.level > 1)
    .filter((s) => !theirs || s === 'reassign');
}

/** Steps the person who asked reads a reason for. */
const NEEDS_NOTE: ReadonlySet<Step> = new Set<Step>(['deescalate', 'escalate']);

/**
 * Accept, resolve, step down a level, send to the complaint centre, or reassign to a person who
 * works the level. A step down or up says why; a missing reason is said inline, next to the field.
 */
export function EscalationActions({ escalation: e, me, onChanged }: { escalation: Escalation; me: Agent | null; onChanged(): void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [toId, setToId] = useState('');
  const [missing, setMissing] = useState<'note' | 'person' | null>(null);
  const [done, setDone] = useState<Step | null>(null);
  const accept = useProcedureMutation('escalations.accept');
  const resolve = useProcedureMutation('escalations.resolve');
  const deescalate = useProcedureMutation('escalations.deescalate');
  const sendUp = useProcedureMutation('escalations.sendToLevel3');
  const reassign = useProcedureMutation('escalations.reassign');
  const people = useProcedureQuery('escalations.assignees', { id: e.id }).data ?? [];
  const busy = [accept, resolve, deescalate, sendUp, reassign].some((m) => m.busy);
  const error = [accept, resolve, deescalate, sendUp, reassign].map((m) => m.error).find((x) => x !== null) ?? null;
  const steps = stepsFor(e, me);
  if (steps.length === 0) return null;

  const finished = (step: Step) => () => {
    setDone(step);
    setNote('');
    onChanged();
  };
  const run = (step: Step) => {
    setDone(null);
    if (NEEDS_NOTE.has(step) && !note.trim()) return setMissing('note');
    if (step === 'reassign' && !toId) return setMissing('person');
    setMissing(null);
    const why = note.trim() ? { note: note.trim() } : {};
    if (step === 'accept') accept.send({ id: e.id }, finished(step));
    if (step === 'resolve') resolve.send({ id: e.id, ...why }, finished(step));
    if (step === 'deescalate') deescalate.send({ id: e.id, note: note.trim() }, finished(step));
    if (step === 'escalate') sendUp.send({ id: e.id, note: note.trim() }, finished(step));
    if (step === 'reassign') reassign.send({ id: e.id, toId, ...why }, finished(step));
  };
  const label: Record<Step, string> = {
    accept: t('escalationFlow.accept'),
    resolve: t('escalationFlow.resolve'),
    deescalate: t('escalationFlow.deescalate'),
    escalate: t('escalationFlow.sendToLevel3'),
    reassign: t('escalationFlow.reassign'),
  };
  const noteError = `flow-note-error-${e.id}`;
  const personError = `flow-person-error-${e.id}`;

  return (
    <div className="flow-actions" role="group" aria-label={t('escalationFlow.actions')}>
      <label className="flow-field">
        <span>{t('escalationFlow.note')}</span>
        <input
          className="input"
          value={note}
          maxLength={500}
          aria-invalid={missing === 'note'}
          aria-describedby={missing === 'note' ? noteError : undefined}
          onChange={(ev) => setNote(ev.target.value)}
        />
      </label>
      {missing === 'note' && (
        <p id={noteError} className="form-error" role="alert">
          {t('escalationFlow.noteRequired')}
        </p>
      )}
      {steps.includes('reassign') && (
        <label className="flow-field">
          <span>{t('escalationFlow.reassignTo')}</span>
          <select
            className="input"
            value={toId}
            aria-invalid={missing === 'person'}
            aria-describedby={missing === 'person' ? personError : undefined}
            onChange={(ev) => setToId(ev.target.value)}
          >
            <option value="">{t('escalationFlow.choosePerson')}</option>
            {people
              .filter((p) => p.id !== e.owner?.id)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {t('topbar.agent', { name: p.name, employeeNo: p.employeeNo })}
                </option>
              ))}
          </select>
        </label>
      )}
      {missing === 'person' && (
        <p id={personError} className="form-error" role="alert">
          {t('escalationFlow.personRequired')}
        </p>
      )}
      <div className="flow-buttons">
        {steps.map((step) => (
          <button
            key={step}
            type="button"
            className={`button button-small${step === 'accept' ? ' button-primary' : ''}`}
            data-step={step}
            disabled={busy}
            onClick={() => run(step)}
          >
            {label[step]}
          </button>
        ))}
      </div>
      {done && (
        <p className="flow-done" role="status">
          {t(`escalationFlow.done.${done}`)}
        </p>
      )}
      {error !== null && (
        <p className="form-error" role="alert">
          {describeError(error, t)}
        </p>
      )}
    </div>
  );
}
