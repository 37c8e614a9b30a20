import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary, Contact, CustomerSummary, HistoryItem, Note } from '../../../../shared';
import { describeError } from '../../errors/describe-error';
import { defaultNoteCase } from '../../format/cases';
import { SHORTCUTS } from '../../state/shortcuts';
import { useCustomerChanges } from '../../state/use-changes';
import { useCustomer } from '../../state/use-customer';
import { useHistory } from '../../state/use-history';
import { ServerClockProvider } from '../../state/server-clock';
import { useShortcut } from '../../state/use-shortcut';
import { RetryError } from '../../ui/RetryError';
import { CustomerBrief } from '../brief/CustomerBrief';
import { useBrief } from '../brief/use-brief';
import { CaseList } from '../cases/CaseList';
import { type CaseTab, CaseViewDialog } from '../cases/CaseViewDialog';
import { CreateCaseDialog } from '../cases/CreateCaseDialog';
import { SelectedCaseActions } from '../cases/SelectedCaseActions';
import { LinkContactDialog } from '../contacts/LinkContactDialog';
import { PinFactDialog } from '../facts/PinFactDialog';
import { usePinFact, useUnpinFact } from '../facts/use-pin-fact';
import { NoteComposer } from '../notes/NoteComposer';
import { latestDraftCase, useCaseDrafts } from '../notes/use-case-drafts';
import { PromiseDialog, type PromiseRequest } from '../promises/PromiseDialog';
import { Timeline } from '../timeline/Timeline';
import { CustomerHeader } from './CustomerHeader';
import { CustomerRecordDialog } from './CustomerRecordDialog';
import { type DeskActions, DeskActionsProvider, type PinStatus } from './desk-actions';

/** A case (and perhaps one of its notes) to bring up once the customer is open, e.g. chosen in search. */
export interface FocusRequest {
  customerId: string;
  caseId: string;
  noteId: string | null;
  /** Tells two requests for the same case apart, so choosing it again opens it again. */
  nonce: number;
  /** The tab to open on: notes unless said otherwise (an alert opens the case's promises). */
  tab?: CaseTab;
}

interface CustomerWorkspaceProps {
  summary: CustomerSummary;
  phone: string;
  focus: FocusRequest | null;
}

/** One customer on screen: who they are, their cases and note box, the brief, and the whole history. */
export function CustomerWorkspace({ summary, phone, focus }: CustomerWorkspaceProps) {
  const { t } = useTranslation();
  const { customer, error, reload, replace } = useCustomer(summary.id);
  const [editingRecord, setEditingRecord] = useState(false);
  const history = useHistory(summary.id);
  const brief = useBrief(summary.id);
  const drafts = useCaseDrafts(summary.id);
  const [chosenCaseId, setChosenCaseId] = useState<string | null>(null);
  const [creatingCase, setCreatingCase] = useState(false);
  const [shownCaseId, setShownCaseId] = useState<string | null>(null);
  const [shownTab, setShownTab] = useState<{ tab: CaseTab; count: number }>({ tab: 'notes', count: 0 });
  const [promising, setPromising] = useState<PromiseRequest | null>(null);
  const [foundNoteId, setFoundNoteId] = useState<string | null>(null);
  const [writingFact, setWritingFact] = useState(false);
  const [linking, setLinking] = useState<Contact | null>(null);
  const [changes, setChanges] = useState(0);
  const [pins, setPins] = useState<ReadonlyMap<string, PinStatus>>(new Map());

  const cases = useMemo(() => customer?.cases ?? [], [customer]);
  const caseNumbers = useMemo(() => new Map(cases.map((c) => [c.id, c.number])), [cases]);
  const target = cases.find((c) => c.id === chosenCaseId) ?? defaultNoteCase(cases);

  // Back after a reload or a crash: the note box returns to the case the agent was last writing on.
  const draftChoiceMade = useRef(false);
  useEffect(() => {
    if (!drafts.known || draftChoiceMade.current) return;
    draftChoiceMade.current = true;
    const draftCase = latestDraftCase(drafts.saved);
    if (draftCase && chosenCaseId === null) setChosenCaseId(draftCase);
  }, [drafts.known, drafts.saved, chosenCaseId]);

  const { refresh: refreshHistory, add: addToHistory } = history;
  const { reload: reloadBrief, addFact, removeFact } = brief;
  const rereadAll = useCallback(() => {
    reload();
    refreshHistory();
    reloadBrief();
    setChanges((n) => n + 1);
  }, [reload, refreshHistory, reloadBrief]);
  useCustomerChanges(summary.id, rereadAll);

  const onNoteSaved = useCallback((entry: HistoryItem) => addToHistory(entry), [addToHistory]);

  const onCaseCreated = useCallback(
    (created: CaseSummary) => {
      setChosenCaseId(created.id);
      rereadAll();
    },
    [rereadAll],
  );

  const openCase = useCallback((caseId: string, tab: CaseTab = 'notes') => {
    setFoundNoteId(null);
    setShownTab((current) => ({ tab, count: current.count + 1 }));
    setShownCaseId(caseId);
  }, []);
  const openCommitments = useCallback((caseId: string) => openCase(caseId, 'promises'), [openCase]);

  const promiseNonce = useRef(0);
  const startPromise = (start: PromiseRequest['start']) => {
    if (target) setPromising({ caseId: target.id, start, nonce: ++promiseNonce.current });
  };

  // A case chosen in search: file notes under it and open it, with the note that was found marked.
  const handledFocus = useRef<number | null>(null);
  useEffect(() => {
    if (!focus || focus.customerId !== summary.id || !customer || handledFocus.current === focus.nonce) return;
    handledFocus.current = focus.nonce;
    if (!customer.cases.some((c) => c.id === focus.caseId)) return;
    setChosenCaseId(focus.caseId);
    setFoundNoteId(focus.noteId);
    setShownTab((current) => ({ tab: focus.tab ?? 'notes', count: current.count + 1 }));
    setShownCaseId(focus.caseId);
  }, [focus, customer, summary.id]);

  const pin = usePinFact();
  const unpin = useUnpinFact();
  const pinnedNotes = useMemo(() => new Set(brief.brief?.pinnedFacts.flatMap((f) => (f.noteId ? [f.noteId] : [])) ?? []), [brief.brief]);
  const setPin = (noteId: string, status: PinStatus | null) =>
    setPins((current) => {
      const next = new Map(current);
      if (status) next.set(noteId, status);
      else next.delete(noteId);
      return next;
    });

  const pinNote = (note: Note) => {
    setPin(note.id, { status: 'pinning' });
    pin({ customerId: summary.id, noteId: note.id, ...(note.caseId ? { caseId: note.caseId } : {}) })
      .then((fact) => {
        addFact(fact);
        setPin(note.id, null);
      })
      .catch((e: unknown) => setPin(note.id, { status: 'failed', message: t('fact.pinFailed', { reason: describeError(e, t) }) }));
  };

  const unpinFact = useCallback(
    async (id: string) => {
      await unpin(id);
      removeFact(id);
      setChanges((n) => n + 1);
    },
    [unpin, removeFact],
  );

  const actions: DeskActions = {
    pinStatus: (noteId) => (pinnedNotes.has(noteId) ? { status: 'pinned' } : (pins.get(noteId) ?? { status: 'none' })),
    pinNote,
    canLink: (contact) => cases.some((c) => !contact.cases.some((linked) => linked.id === c.id)),
    linkContact: setLinking,
    openCase: (caseId) => openCase(caseId),
  };

  useShortcut(SHORTCUTS.newCase.shortcut, () => setCreatingCase(true));
  useShortcut(SHORTCUTS.pinFact.shortcut, () => setWritingFact(true));
  useShortcut(SHORTCUTS.caseView.shortcut, () => target && openCase(target.id));
  useShortcut(SHORTCUTS.offers.shortcut, () => startPromise('offers'));
  useShortcut(SHORTCUTS.promise.shortcut, () => startPromise('promise'));

  return (
    <DeskActionsProvider value={actions}>
      <ServerClockProvider stampedAt={brief.brief?.generatedAt ?? null}>
        <div className="workspace">
          <CustomerHeader
            customer={customer ?? summary}
            phone={phone}
            createdAt={customer?.createdAt}
            cases={customer?.cases}
            onEdit={customer ? () => setEditingRecord(true) : undefined}
          />
          {customer && (
            <CustomerRecordDialog open={editingRecord} onOpenChange={setEditingRecord} customer={customer} onChanged={replace} />
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
              onSelect={setChosenCaseId}
              onNewCase={() => setCreatingCase(true)}
            />
            <SelectedCaseActions target={target} onOffers={() => startPromise('offers')} onPromise={() => startPromise('promise')} />
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
              onPromise={() => startPromise('promise')}
              onAddFact={() => setWritingFact(true)}
              onUnpinFact={unpinFact}
            />
            <Timeline history={history} onSelectCase={setChosenCaseId} />
          </div>
          <CaseViewDialog
            summary={cases.find((c) => c.id === shownCaseId) ?? null}
            tab={shownTab.tab}
            openCount={shownTab.count}
            refreshKey={changes}
            foundNoteId={foundNoteId}
            caseNumbers={caseNumbers}
            onUnpinFact={unpinFact}
            onChanged={rereadAll}
            onClose={() => setShownCaseId(null)}
          />
          <CreateCaseDialog
            open={creatingCase}
            onOpenChange={setCreatingCase}
            customerId={summary.id}
            customerName={(customer ?? summary).name}
            onCreated={onCaseCreated}
          />
          <PinFactDialog
            open={writingFact}
            onOpenChange={setWritingFact}
            customerId={summary.id}
            cases={cases}
            defaultCaseId={target?.id ?? null}
            onPinned={addFact}
          />
          <LinkContactDialog contact={linking} cases={cases} onClose={() => setLinking(null)} onLinked={rereadAll} />
          <PromiseDialog request={promising} cases={cases} refreshKey={changes} onChanged={rereadAll} onClose={() => setPromising(null)} />
        </div>
      </ServerClockProvider>
    </DeskActionsProvider>
  );
}
