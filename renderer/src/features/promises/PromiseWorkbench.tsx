import { useEffect, useState } from 'react';
import { useCaseEscalations } from '../approvals/use-case-escalations';
import { OffersPanel } from '../policy/OffersPanel';
import { usePolicyAnswer } from '../policy/use-policy-answer';
import { BY_HAND, type PromisePrefill } from './prefill';
import { PromiseConfirmation } from './PromiseConfirmation';
import { PromiseForm } from './PromiseForm';
import type { CreatedCommitment } from './use-create-commitment';

export type WorkbenchView = View['kind'];
type View = { kind: 'offers' } | { kind: 'promise'; prefill: PromisePrefill } | { kind: 'done'; result: CreatedCommitment };

interface PromiseWorkbenchProps {
  caseId: string;
  /** Where to begin: the offers, or straight at a promise made by hand. */
  start: 'offers' | 'promise';
  /** Moves when the desk heard a change for this customer; the answer and requests are read again. */
  refreshKey: number;
  /** Something was written (a promise, a request): the desk re-reads what it shows. */
  onChanged(): void;
  /** The agent is done here. */
  onFinish(): void;
  /** Told which step is showing, so a dialog around it can title itself. */
  onViewChange?(view: View['kind']): void;
}

/**
 * The policy answer and what the agent does with it, in one place: offers → a promise (from an
 * offer, or by hand) → its written confirmation. The same in the desk's dialog and in the case view.
 */
export function PromiseWorkbench({ caseId, start, refreshKey, onChanged, onFinish, onViewChange }: PromiseWorkbenchProps) {
  const policy = usePolicyAnswer(caseId, refreshKey);
  const { escalations, reload: reloadEscalations } = useCaseEscalations(caseId, refreshKey);
  const [view, setView] = useState<View>(start === 'promise' ? { kind: 'promise', prefill: BY_HAND } : { kind: 'offers' });
  useEffect(() => onViewChange?.(view.kind), [view.kind, onViewChange]);

  switch (view.kind) {
    case 'offers':
      return (
        <OffersPanel
          caseId={caseId}
          policy={policy}
          escalations={escalations}
          onPromise={(prefill) => setView({ kind: 'promise', prefill })}
          onRequested={() => {
            reloadEscalations();
            onChanged();
          }}
        />
      );
    case 'promise':
      return (
        <PromiseForm
          key={`${view.prefill.kind}-${view.prefill.amount ?? ''}`}
          caseId={caseId}
          answer={policy.answer}
          supplied={policy.supplied}
          prefill={view.prefill}
          onBack={() => setView({ kind: 'offers' })}
          onCreated={(result) => {
            setView({ kind: 'done', result });
            onChanged();
          }}
        />
      );
    case 'done':
      return <PromiseConfirmation result={view.result} onAnother={() => setView({ kind: 'offers' })} onDone={onFinish} />;
  }
}
