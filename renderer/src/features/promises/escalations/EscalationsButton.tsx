import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLead, useSession } from '../../../state/use-session';
import { EscalationsDialog } from './EscalationsDialog';
import { useOpenEscalations } from './use-open-escalations';

/** For supervisors: the requests waiting for their approval, counted in the top bar, decided in a list. */
export function EscalationsButton({ onOpenCase }: { onOpenCase(customerId: string, caseId: string): void }) {
  const { t } = useTranslation();
  const lead = isLead(useSession());
  const [open, setOpen] = useState(false);
  const state = useOpenEscalations(lead);
  if (!lead) return null;
  const waiting = state.escalations?.filter((e) => e.offer !== null).length ?? 0;
  return (
    <>
      <button
        type="button"
        className={`button button-small approvals-button${waiting > 0 ? ' approvals-button-waiting' : ''}`}
        onClick={() => setOpen(true)}
        aria-label={t('approval.buttonLabel', { count: waiting })}
      >
        {t('approval.button')}
        {waiting > 0 && <span className="approvals-count">{waiting}</span>}
      </button>
      <EscalationsDialog
        open={open}
        onOpenChange={setOpen}
        state={state}
        onOpenCase={(customerId, caseId) => {
          setOpen(false);
          onOpenCase(customerId, caseId);
        }}
      />
    </>
  );
}
