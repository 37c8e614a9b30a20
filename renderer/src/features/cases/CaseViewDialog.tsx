import { Dialog, Tabs } from 'radix-ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared';
import { describeError } from '../../errors/describe-error';
import { formatDateTime } from '../../format/date-time';
import { DialogCloseActions, DialogShell } from '../../ui/DialogShell';
import { RetryError } from '../../ui/RetryError';
import { FactItem } from '../facts';
import { IncidentBanner } from '../incidents';
import { CaseCommitments, RaiseEscalation, RegulatorClock } from '../promises';
import { DecisionList } from '../promises';
import { CommitmentWorkbench } from '../promises';
import { AgentName } from '../../ui/EntryParts';
import { CaseChangeList } from './CaseChangeList';
import { CaseContactList } from './CaseContactList';
import { CaseFieldsForm } from './CaseFieldsForm';
import { CaseNoteList } from './CaseNoteList';
import { useCaseView } from './use-case-view';
import { AuditCaseLink } from '../audit';

export const CASE_TABS = ['notes', 'contacts', 'changes', 'promises', 'decisions', 'offers'] as const;
export type CaseTab = (typeof CASE_TABS)[number];
const isCaseTab = (value: string): value is CaseTab => (CASE_TABS as readonly string[]).includes(value);

interface CaseViewDialogProps {
  /** The case as the customer's list has it, for the title while the full view loads; null when closed. */
  summary: CaseSummary | null;
  /** The tab it opens on; moving `openCount` opens it there again. */
  tab: CaseTab;
  openCount: number;
  /** A note reached from search, marked in the list. */
  foundNoteId: string | null;
  caseNumbers: ReadonlyMap<string, string>;
  onUnpinFact(id: string): Promise<void>;
  onChanged(): void;
  onClose(): void;
}

/**
 * A case in full: its fields (editable), the incidents touching it with their approved guidance,
 * its pinned facts, and in tabs its notes, calls, field history, promises with their written
 * confirmations and escalations, the decisions already taken, and what may be offered now.
 */
export function CaseViewDialog({
  summary,
  tab: requestedTab,
  openCount,
  foundNoteId,
  caseNumbers,
  onUnpinFact,
  onChanged,
  onClose,
}: CaseViewDialogProps) {
  const { t, i18n } = useTranslation();
  const { state, reload } = useCaseView(summary?.id ?? null);
  const [tab, setTab] = useState<CaseTab>(requestedTab);
  useEffect(() => setTab(requestedTab), [requestedTab, openCount, summary?.id]);
  const changed = () => {
    void reload();
    onChanged();
  };
  const view = state.status === 'ready' && state.view.id === summary?.id ? state.view : null;
  const shown = view ?? summary;
  return (
    <DialogShell open={summary !== null} onOpenChange={(next) => !next && onClose()} className="dialog-case">
      {shown && (
        <>
          <div className="case-view-head">
            <Dialog.Title className="dialog-title">
              <span className="case-number">{shown.number}</span> {shown.title}
            </Dialog.Title>
            <p className="case-view-badges">
              <span className={`status status-${shown.status}`}>{t(`status.${shown.status}`)}</span>
              <span className={`priority priority-${shown.priority}`}>{t(`priority.${shown.priority}`)}</span>
              <span className={`level level-${shown.level}`}>
                {t('cases.levelBadge', { level: shown.level })} {t(`level.${shown.level}`)}
              </span>
              <span className="case-view-category">{t(`category.${shown.category}`)}</span>
              <AuditCaseLink caseNumber={shown.number} onFollow={onClose} />
            </p>
            {view?.regulatorDueAt && (
              <p className="case-view-regulator">
                <RegulatorClock dueAt={view.regulatorDueAt} now={Date.now()} />
              </p>
            )}
          </div>
          <Dialog.Description className="dialog-description case-view-meta">
            {t('caseDetail.opened')} {formatDateTime(shown.openedAt, i18n.language)}
            {view && (
              <>
                {' · '}
                <AgentName agent={view.openedBy} />
              </>
            )}
            {' · '}
            {t('caseDetail.updated')} {formatDateTime(shown.updatedAt, i18n.language)}
          </Dialog.Description>
          {state.status === 'failed' && <RetryError onRetry={() => void reload()}>{describeError(state.error, t)}</RetryError>}
          {!view && state.status !== 'failed' && <p className="muted">{t('caseDetail.loading')}</p>}
          {view && (
            <>
              {view.incidents.map((incident) => (
                <IncidentBanner key={incident.id} incident={incident} withDescription />
              ))}
              <div className="case-view-body">
                <div className="case-view-side">
                  <CaseFieldsForm key={view.id} view={view} reload={reload} onChanged={onChanged} />
                  <section className="case-view-facts" aria-labelledby="case-facts-title">
                    <h3 id="case-facts-title" className="case-section-title">
                      {t('brief.pinnedFacts')} <span className="brief-count">{view.pinnedFacts.length}</span>
                    </h3>
                    {view.pinnedFacts.length === 0 ? (
                      <p className="case-empty">{t('caseDetail.noFacts')}</p>
                    ) : (
                      <ul className="fact-list">
                        {view.pinnedFacts.map((fact) => (
                          <FactItem
                            key={fact.id}
                            fact={fact}
                            caseNumber={fact.caseId ? caseNumbers.get(fact.caseId) : undefined}
                            onUnpin={onUnpinFact}
                          />
                        ))}
                      </ul>
                    )}
                  </section>
                </div>
                <Tabs.Root className="case-tabs" value={tab} onValueChange={(value) => isCaseTab(value) && setTab(value)}>
                  <Tabs.List className="case-tab-list" aria-label={t('caseDetail.sections')}>
                    <Tabs.Trigger className="case-tab" value="notes">
                      {t('caseDetail.notesTab', { count: view.notes.length })}
                    </Tabs.Trigger>
                    <Tabs.Trigger className="case-tab" value="contacts">
                      {t('caseDetail.contactsTab', { count: view.contacts.length })}
                    </Tabs.Trigger>
                    <Tabs.Trigger className="case-tab" value="changes">
                      {t('caseDetail.changesTab', { count: view.changes.length })}
                    </Tabs.Trigger>
                    <Tabs.Trigger className="case-tab" value="promises">
                      {t('caseDetail.promisesTab', { count: view.commitments.length })}
                      {view.commitments.some((c) => c.status === 'broken' || c.overdue) && (
                        <span className="case-tab-alarm" aria-label={t('caseDetail.promisesAlarm')}>
                          !
                        </span>
                      )}
                    </Tabs.Trigger>
                    <Tabs.Trigger className="case-tab" value="decisions">
                      {t('caseDetail.decisionsTab', { count: view.decisions.length })}
                    </Tabs.Trigger>
                    <Tabs.Trigger className="case-tab case-tab-offers" value="offers">
                      {t('policy.title')}
                    </Tabs.Trigger>
                  </Tabs.List>
                  <Tabs.Content className="case-tab-panel" value="notes">
                    <CaseNoteList notes={view.notes} foundNoteId={foundNoteId} />
                  </Tabs.Content>
                  <Tabs.Content className="case-tab-panel" value="contacts">
                    <CaseContactList contacts={view.contacts} />
                  </Tabs.Content>
                  <Tabs.Content className="case-tab-panel" value="changes">
                    <CaseChangeList changes={view.changes} />
                  </Tabs.Content>
                  <Tabs.Content className="case-tab-panel" value="promises">
                    <RaiseEscalation caseId={view.id} onRaised={changed} />
                    <CaseCommitments
                      commitments={view.commitments}
                      messages={view.messages}
                      escalations={view.escalations}
                      onChanged={changed}
                    />
                  </Tabs.Content>
                  <Tabs.Content className="case-tab-panel" value="decisions">
                    <DecisionList decisions={view.decisions} />
                  </Tabs.Content>
                  <Tabs.Content className="case-tab-panel case-tab-offers-panel" value="offers">
                    <CommitmentWorkbench caseId={view.id} start="offers" onChanged={changed} onFinish={() => setTab('promises')} />
                  </Tabs.Content>
                </Tabs.Root>
              </div>
            </>
          )}
          <DialogCloseActions />
        </>
      )}
    </DialogShell>
  );
}
