import { useQueryClient } from '@tanstack/react-query';
import { memo, useCallback, useEffect, useMemo, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary, CustomerSummary, HistoryItem, Note } from '../../../../shared';
import { describeError } from '../../errors/describe-error';
import { defaultNoteCase } from '../../format/cases';
import { touchesCustomer } from '../../state/change-keys';
import { type DeskActions, DeskActionsProvider, type PinStatus } from '../../state/desk-actions';
import { ServerClockProvider } from '../../state/server-clock';
import { SHORTCUTS } from '../../state/shortcuts';
import { useCustomerChanges } from '../../state/use-changes';
import { useCustomer } from '../../state/use-customer';
import { useHistory } from '../../state/use-history';
import { useProcedureMutation } from '../../state/use-procedure-mutation';
import { useShortcut } from '../../state/use-shortcut';
import { RetryError } from '../../ui/RetryError';
import { CustomerBrief, useBrief } from '../brief';
import { CaseList, CaseViewDialog, CreateCaseDialog, SelectedCaseActions } from '../cases';
import { LinkContactDialog } from '../contacts';
import { PinFactDialog } from '../facts';
import { type CaseDrafts, latestDraftCase, NoteComposer, useCaseDrafts } from '../notes';
import { CommitmentDialog } from '../promises';
import { Timeline } from '../timeline';
import { CustomerHeader } from './CustomerHeader';
import { CustomerRecordDialog } from './CustomerRecordDialog';
import { type FocusRequest, initialWorkspace, type WorkspaceState, workspaceReducer } from './workspace-state';

function initialState(drafts: CaseDrafts): WorkspaceState {
  return drafts.known
    ? workspaceReducer(initialWorkspace, { type: 'drafts-known', latestDraftCaseId: latestDraftCase(drafts.saved) })
    : initialWorkspace;
}

interface CustomerWorkspaceProps {
  summary: CustomerSummary;
  phone: string;
  focus: FocusRequest | null;
}

/**
 * One customer on screen: who they are, their cases and note box, the brief, and the whole history.
 * Memoised: the console re-renders when a look-up starts, while this customer stays on screen with the
 * same props; redrawing it then would cost the next pop its first milliseconds.
 */
export const CustomerWorkspace = memo(function CustomerWorkspace({ summary, phone, focus }: CustomerWorkspaceProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { customer, error, reload, replace } = useCustomer(summary.id);
  const history = useHistory(summary.id);
  const brief = useBrief(summary.id);
  const drafts = useCaseDrafts(summary.id);
  // The screen pop seeds where drafts wait, so the first render can already pick the case last written
  // on: the note box then reads one draft, and the workspace needs no second render pass for it.
  const [state, dispatch] = useReducer(workspaceReducer, drafts, initialState);
  const { dialog, caseView, pins } = state;

  const cases = useMemo(() => customer?.cases ?? [], [customer]);
  const caseNumbers = useMemo(() => new Map(cases.map((c) => [c.id, c.number])), [cases]);
  const target = cases.find((c) => c.id === state.chosenCaseId) ?? defaultNoteCase(cases);

  useEffect(() => {
    if (drafts.known && !state.draftChoiceMade) dispatch({ type: 'drafts-known', latestDraftCaseId: latestDraftCase(drafts.saved) });
  }, [drafts.known, drafts.saved, state.draftChoiceMade]);

  // Live updates invalidate every read about this customer (`useCustomerChanges`); after a write of
  // our own the same reads are invalidated at once.
  useCustomerChanges(summary.id);
  const rereadAll = useCallback(
    () => void queryClient.invalidateQueries({ predicate: touchesCustomer(summary.id) }),
    [queryClient, summary.id],
  );

  const { add: addToHistory } = history;
  const { addFact, removeFact } = brief;
  const onNoteSaved = useCallback((entry: HistoryItem) => addToHistory(entry), [addToHistory]);
  const chooseCase = useCallback((caseId: string) => dispatch({ type: 'choose-case', caseId }), []);
  const onCaseCreated = useCallback(
    (created: CaseSummary) => {
      chooseCase(created.id);
      rereadAll();
    },
    [chooseCase, rereadAll],
  );
  const openCase = useCallback(
    (caseId: string, tab?: 'notes' | 'promises') => dispatch({ type: 'open-case', caseId, ...(tab ? { tab } : {}) }),
    [],
  );
  const openCommitments = useCallback((caseId: string) => openCase(caseId, 'promises'), [openCase]);
  const startCommitment = (start: 'offers' | 'commitment') => target && dispatch({ type: 'start-commitment', caseId: target.id, start });
  const closeDialog = () => dispatch({ type: 'close-dialog' });
  const dialogSetter = (kind: 'record' | 'create-case' | 'pin-fact') => (open: boolean) =>
    dispatch(open ? { type: 'open-dialog', dialog: { kind } } : { type: 'close-dialog' });

  useEffect(() => {
    if (focus && focus.customerId === summary.id && customer)
      dispatch({ type: 'focus', request: focus, caseExists: customer.cases.some((c) => c.id === focus.caseId) });
  }, [focus, customer, summary.id]);

  const pin = useProcedureMutation('facts.pin').call;
  const unpin = useProcedureMutation('facts.unpin').call;
  const pinnedNotes = useMemo(() => new Set(brief.brief?.pinnedFacts.flatMap((f) => (f.noteId ? [f.noteId] : [])) ?? []), [brief.brief]);

  const pinNote = useCallback(
    (note: Note) => {
      const setPin = (noteId: string, status: PinStatus | null) => dispatch({ type: 'pin', noteId, status });
      setPin(note.id, { status: 'pinning' });
      pin({ customerId: summary.id, noteId: note.id, ...(note.caseId ? { caseId: note.caseId } : {}) })
        .then((fact) => {
          addFact(fact);
          setPin(note.id, null);
        })
        .catch((e: unknown) => setPin(note.id, { status: 'failed', message: t('fact.pinFailed', { reason: describeError(e, t) }) }));
    },
    [pin, summary.id, addFact, t],
  );

  const unpinFact = useCallback(
    async (id: string) => {
      await unpin({ id });
      removeFact(id);
      rereadAll();
    },
    [unpin, removeFact, rereadAll],
  );

  // One object per change of what it answers: every history entry reads it from context, so a new
  // object on each render of the workspace would re-render the whole visible feed with it.
  const actions = useMemo(
    (): DeskActions => ({
      pinStatus: (noteId) => (pinnedNotes.has(noteId) ? { status: 'pinned' } : (pins.get(noteId) ?? { status: 'none' })),
      pinNote,
      canLink: (contact) => cases.some((c) => !contact.cases.some((linked) => linked.id === c.id)),
      linkContact: (contact) => dispatch({ type: 'open-dialog', dialog: { kind: 'link-contact', contact } }),
      openCase: (caseId) => openCase(caseId),
    }),
    [pinnedNotes, pins, pinNote, cases, openCase],
  );

  useShortcut(SHORTCUTS.newCase.shortcut, () => dispatch({ type: 'open-dialog', dialog: { kind: 'create-case' } }));
  useShortcut(SHORTCUTS.pinFact.shortcut, () => dispatch({ type: 'open-dialog', dialog: { kind: 'pin-fact' } }));
  useShortcut(SHORTCUTS.caseView.shortcut, () => target && openCase(target.id));
  useShortcut(SHORTCUTS.offers.shortcut, () => startCommitment('offers'));
  useShortcut(SHORTCUTS.commitment.shortcut, () => startCommitment('commitment'));

  return (
    <DeskActionsProvider value={actions}>
      <ServerClockProvider stampedAt={brief.brief?.generatedAt ?? null}>
        <div className="workspace">
          <CustomerHeader
            customer={customer ?? summary}
            phone={phone}
            createdAt={customer?.createdAt}
            cases={customer?.cases}
            onEdit={customer ? () => dispatch({ type: 'open-dialog', dialog: { kind: 'record' } }) : undefined}
          />
          {customer && (
            <CustomerRecordDialog
              open={dialog?.kind === 'record'}
              onOpenChange={dialogSetter('record')}
              customer={customer}
              onChanged={replace}
            />
          )}
          <div className="workspace-side">
            {error ? (
              <RetryError className="panel panel-error" onRetry={reload}>
                {t('customer.loadFailed', { reason: describeError(error, t) })}
              </RetryError>
            ) : null}
            <CaseList
              cases={cases}
              selectedId={target?.id ?? null}
              drafts={drafts.saved}
              onSelect={chooseCase}
              onNewCase={() => dispatch({ type: 'open-dialog', dialog: { kind: 'create-case' } })}
            />
            <SelectedCaseActions
              target={target}
              onOffers={() => startCommitment('offers')}
              onCommit={() => startCommitment('commitment')}
            />
            <NoteComposer
              customerId={summary.id}
              target={customer && drafts.known ? target : undefined}
              onSaved={onNoteSaved}
              onShowCase={openCase}
              onDraftPresence={drafts.mark}
            />
          </div>
          <div className="workspace-main">
            <CustomerBrief
              state={brief}
              caseNumbers={caseNumbers}
              onOpenCase={openCase}
              onOpenCommitments={openCommitments}
              onCommit={() => startCommitment('commitment')}
              onAddFact={() => dispatch({ type: 'open-dialog', dialog: { kind: 'pin-fact' } })}
              onUnpinFact={unpinFact}
            />
            <Timeline history={history} onSelectCase={chooseCase} />
          </div>
          <CaseViewDialog
            summary={cases.find((c) => c.id === caseView.caseId) ?? null}
            tab={caseView.tab}
            openCount={caseView.openCount}
            foundNoteId={caseView.foundNoteId}
            caseNumbers={caseNumbers}
            onUnpinFact={unpinFact}
            onChanged={rereadAll}
            onClose={() => dispatch({ type: 'close-case' })}
          />
          <CreateCaseDialog
            open={dialog?.kind === 'create-case'}
            onOpenChange={dialogSetter('create-case')}
            customerId={summary.id}
            customerName={(customer ?? summary).name}
            onCreated={onCaseCreated}
          />
          <PinFactDialog
            open={dialog?.kind === 'pin-fact'}
            onOpenChange={dialogSetter('pin-fact')}
            customerId={summary.id}
            cases={cases}
            defaultCaseId={target?.id ?? null}
            onPinned={addFact}
          />
          <LinkContactDialog
            contact={dialog?.kind === 'link-contact' ? dialog.contact : null}
            cases={cases}
            onClose={closeDialog}
            onLinked={rereadAll}
          />
          <CommitmentDialog
            request={dialog?.kind === 'commitment' ? dialog.request : null}
            cases={cases}
            onChanged={rereadAll}
            onClose={closeDialog}
          />
        </div>
      </ServerClockProvider>
    </DeskActionsProvider>
  );
});
