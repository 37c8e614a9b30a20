import { Dialog } from 'radix-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../../shared';
import { isOpen, newestFirst } from '../../../format/cases';
import { DialogShell } from '../../../ui/DialogShell';
import { Field } from '../../../ui/Field';
import { CommitmentWorkbench, type WorkbenchView } from './CommitmentWorkbench';

/** Which case, and whether to start at the offers (Alt F) or at a promise (Alt M). */
export interface CommitmentRequest {
  caseId: string;
  start: 'offers' | 'commitment';
  /** Tells two requests for the same case apart, so pressing the key again starts afresh. */
  nonce: number;
}

interface CommitmentDialogProps {
  request: CommitmentRequest | null;
  cases: readonly CaseSummary[];
  onChanged(): void;
  onClose(): void;
}

/** "What can I offer?" and "make a promise" from the desk, for the selected case (another can be chosen here). */
export function CommitmentDialog({ request, cases, onChanged, onClose }: CommitmentDialogProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<{ nonce: number; caseId: string } | null>(null);
  const [view, setView] = useState<WorkbenchView>('offers');
  const caseId = request ? (chosen?.nonce === request.nonce ? chosen.caseId : request.caseId) : null;
  const shown = cases.find((c) => c.id === caseId) ?? null;
  return (
    <DialogShell open={request !== null} onOpenChange={(next) => !next && onClose()} className="dialog-promise">
      {request && shown && (
        <>
          <div className="dialog-head">
            <Dialog.Title className="dialog-title">{view === 'offers' ? t('policy.title') : t('promise.title')}</Dialog.Title>
            <div className="promise-case">
              <Field label={t('promise.case')}>
                {(props) => (
                  <select
                    {...props}
                    className="input"
                    value={shown.id}
                    onChange={(e) => setChosen({ nonce: request.nonce, caseId: e.target.value })}
                  >
                    {newestFirst(cases).map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.number} {c.title}
                        {isOpen(c.status) ? '' : ` (${t(`status.${c.status}`)})`}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
          </div>
          <Dialog.Description className="dialog-description">
            {view === 'offers' ? t('policy.description') : t('promise.description')}
          </Dialog.Description>
          <div className="promise-dialog-body">
            <CommitmentWorkbench
              key={`${shown.id}-${request.nonce}`}
              caseId={shown.id}
              start={request.start}
              onChanged={onChanged}
              onFinish={onClose}
              onViewChange={setView}
            />
          </div>
        </>
      )}
    </DialogShell>
  );
}
