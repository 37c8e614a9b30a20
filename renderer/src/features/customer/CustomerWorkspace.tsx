import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary, CustomerSummary, HistoryItem } from '../../../../shared';
import { describeError } from '../../errors/describe-error';
import { defaultNoteCase } from '../../format/cases';
import { useCustomerChanges } from '../../state/use-changes';
import { useCustomer } from '../../state/use-customer';
import { useHistory } from '../../state/use-history';
import { BriefSlot } from '../brief/BriefSlot';
import { CaseDetailDialog } from '../cases/CaseDetailDialog';
import { CaseList } from '../cases/CaseList';
import { CreateCaseDialog } from '../cases/CreateCaseDialog';
import { NoteComposer } from '../notes/NoteComposer';
import { Timeline } from '../timeline/Timeline';
import { CustomerHeader } from './CustomerHeader';

interface CustomerWorkspaceProps {
  summary: CustomerSummary;
  phone: string;
}

/** One customer on screen: who they are, their cases and note box, the brief, and the whole history. */
export function CustomerWorkspace({ summary, phone }: CustomerWorkspaceProps) {
  const { t } = useTranslation();
  const { customer, error, reload } = useCustomer(summary.id);
  const history = useHistory(summary.id);
  const [chosenCaseId, setChosenCaseId] = useState<string | null>(null);
  const [creatingCase, setCreatingCase] = useState(false);
  const [shownCaseId, setShownCaseId] = useState<string | null>(null);

  const cases = customer?.cases ?? [];
  const target = cases.find((c) => c.id === chosenCaseId) ?? defaultNoteCase(cases);

  useCustomerChanges(
    summary.id,
    useCallback(() => {
      reload();
      history.refresh();
    }, [reload, history.refresh]),
  );

  const onNoteSaved = useCallback((entry: HistoryItem) => history.add(entry), [history.add]);

  const onCaseCreated = useCallback(
    (created: CaseSummary) => {
      setChosenCaseId(created.id);
      reload();
      history.refresh();
    },
    [reload, history.refresh],
  );

  return (
    <div className="workspace">
      <CustomerHeader customer={customer ?? summary} phone={phone} createdAt={customer?.createdAt} cases={customer?.cases} />
      <div className="workspace-side">
        {error ? (
          <p className="panel panel-error" role="alert">
            {t('customer.loadFailed', { reason: describeError(error, t) })}{' '}
            <button type="button" className="button button-small" onClick={reload}>
              {t('common.retry')}
            </button>
          </p>
        ) : null}
        <CaseList cases={cases} selectedId={target?.id ?? null} onSelect={setChosenCaseId} onNewCase={() => setCreatingCase(true)} />
        <NoteComposer customerId={summary.id} target={customer ? target : undefined} onSaved={onNoteSaved} onShowCase={setShownCaseId} />
      </div>
      <div className="workspace-main">
        <BriefSlot customer={customer} />
        <Timeline history={history} onSelectCase={setChosenCaseId} />
      </div>
      <CaseDetailDialog summary={cases.find((c) => c.id === shownCaseId) ?? null} onClose={() => setShownCaseId(null)} />
      <CreateCaseDialog
        open={creatingCase}
        onOpenChange={setCreatingCase}
        customerId={summary.id}
        customerName={(customer ?? summary).name}
        onCreated={onCaseCreated}
      />
    </div>
  );
}
