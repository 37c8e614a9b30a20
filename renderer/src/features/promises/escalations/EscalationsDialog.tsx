import { Dialog } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../errors/describe-error';
import { DialogCloseActions, DialogShell } from '../../../ui/DialogShell';
import { RetryError } from '../../../ui/RetryError';
import { EscalationItem } from './EscalationItem';
import type { OpenEscalationsState } from './use-open-escalations';

interface EscalationsDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  state: OpenEscalationsState;
  onOpenCase(customerId: string, caseId: string): void;
}

/**
 * What waits for a supervisor: agents' requests beyond their authority (approve or reject here),
 * then the cases the policy escalated (broken promises, the regulator), to open and take over.
 */
export function EscalationsDialog({ open, onOpenChange, state, onOpenCase }: EscalationsDialogProps) {
  const { t } = useTranslation();
  const { escalations, error, reload } = state;
  const requests = escalations?.filter((e) => e.offer !== null) ?? [];
  const raised = escalations?.filter((e) => e.offer === null) ?? [];
  const openButton = (customerId: string, caseId: string) => (
    <button type="button" className="link-button" onClick={() => onOpenCase(customerId, caseId)}>
      {t('approval.openCase')}
    </button>
  );
  return (
    <DialogShell open={open} onOpenChange={onOpenChange} className="dialog-approvals">
      <Dialog.Title className="dialog-title">{t('approval.dialogTitle')}</Dialog.Title>
      <Dialog.Description className="dialog-description">{t('approval.description')}</Dialog.Description>
      <div className="approval-lists">
        {error !== null && <RetryError onRetry={reload}>{describeError(error, t)}</RetryError>}
        {escalations === null && error === null && <p className="muted">{t('approval.loading')}</p>}
        {escalations !== null && (
          <>
            <h3 className="case-section-title">{t('approval.requests', { count: requests.length })}</h3>
            {requests.length === 0 ? (
              <p className="case-empty">{t('approval.none')}</p>
            ) : (
              <ul className="escalation-list">
                {requests.map((e) => (
                  <EscalationItem key={e.id} escalation={e} onDecided={reload} action={openButton(e.customerId, e.caseId)} />
                ))}
              </ul>
            )}
            {raised.length > 0 && (
              <>
                <h3 className="case-section-title">{t('approval.raised', { count: raised.length })}</h3>
                <ul className="escalation-list">
                  {raised.map((e) => (
                    <EscalationItem key={e.id} escalation={e} onDecided={reload} action={openButton(e.customerId, e.caseId)} />
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </div>
      <DialogCloseActions />
    </DialogShell>
  );
}
