import { useEffect, useState } from 'react';
import { useCaseEscalations } from '../escalations/use-case-escalations';
import { OffersPanel } from '../offers/OffersPanel';
import { usePolicyAnswer } from '../offers/use-policy-answer';
import { BY_HAND, type CommitmentPrefill } from './prefill';
import { CommitmentConfirmation } from './CommitmentConfirmation';
import { CommitmentForm } from './CommitmentForm';
import type { CreatedCommitment } from './CommitmentForm';

export type WorkbenchView = View['kind'];
type View = { kind: 'offers' } | { kind: 'commitment'; prefill: CommitmentPrefill } | { kind: 'done'; result: CreatedCommitment };

interface CommitmentWorkbenchProps {
  caseId: string;
  /** Where to begin: the offers, or straight at a promise made by hand. */
  start: 'offers' | 'commitment';
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
export function CommitmentWorkbench({ caseId, start, onChanged, onFinish, onViewChange }: CommitmentWorkbenchProps) {
  const policy = usePolicyAnswer(caseId);
  const { escalations, reload: reloadEscalations } = useCaseEscalations(caseId);
  const [view, setView] = useState<View>(start === 'commitment' ? { kind: 'commitment', prefill: BY_HAND } : { kind: 'offers' });
  useEffect(() => onViewChange?.(view.kind), [view.kind, onViewChange]);

  switch (view.kind) {
    case 'offers':
      return (
        <OffersPanel
          caseId={caseId}
          policy={policy}
          escalations={escalations}
          onCommit={(prefill) => setView({ kind: 'commitment', prefill })}
          onRequested={() => {
            reloadEscalations();
            onChanged();
          }}
        />
      );
    case 'commitment':
      return (
        <CommitmentForm
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
      return <CommitmentConfirmation result={view.result} onAnother={() => setView({ kind: 'offers' })} onDone={onFinish} />;
  }
}
