import { useTranslation } from 'react-i18next';
import { describeError } from '../../errors/describe-error';
import { RetryError } from '../../ui/RetryError';
import { IncidentBanner } from '../incidents';
import { BriefCommitments } from './BriefCommitments';
import { LastContacts } from './LastContacts';
import { OpenCases } from './OpenCases';
import { PinnedFacts } from './PinnedFacts';
import type { BriefState } from './use-brief';

interface CustomerBriefProps {
  state: BriefState;
  caseNumbers: ReadonlyMap<string, string>;
  onOpenCase(caseId: string): void;
  /** A promise in the brief was chosen: its case opens where promises are listed. */
  onOpenCommitments(caseId: string): void;
  onCommit(): void;
  onAddFact(): void;
  onUnpinFact(id: string): Promise<void>;
}

/**
 * Everything the agent needs before saying hello, on one screen and without a click: the known
 * incidents and what to say about them, what is open and how often the customer has called about
 * it, what is established, what happened on the last calls, and what we promised (broken first).
 */
export function CustomerBrief({ state, caseNumbers, onOpenCase, onOpenCommitments, onCommit, onAddFact, onUnpinFact }: CustomerBriefProps) {
  const { t } = useTranslation();
  const { brief, error, reload } = state;
  return (
    <section className="brief panel" aria-labelledby="brief-title" data-region="customer-brief" aria-busy={!brief && !error}>
      <h2 id="brief-title" className="visually-hidden">
        {t('brief.region')}
      </h2>
      {!brief && !error && <p className="brief-loading">{t('brief.loading')}</p>}
      {error !== null && (
        <RetryError className="brief-error" onRetry={reload}>
          {t('brief.failed', { reason: describeError(error, t) })}
        </RetryError>
      )}
      {brief && (
        <>
          {brief.incidents.map((incident) => (
            <IncidentBanner
              key={incident.id}
              incident={incident}
              cases={brief.openCases.filter((c) => c.incidentIds.includes(incident.id))}
            />
          ))}
          <div className="brief-grid">
            <div className="brief-column">
              <OpenCases cases={brief.openCases} onOpenCase={onOpenCase} />
              <LastContacts contacts={brief.lastContacts} week={brief.contacts7d} />
            </div>
            <div className="brief-column brief-column-side">
              <BriefCommitments
                commitments={brief.commitments}
                now={brief.generatedAt}
                onOpenCase={onOpenCommitments}
                onCommit={onCommit}
              />
              <PinnedFacts facts={brief.pinnedFacts} caseNumbers={caseNumbers} onAdd={onAddFact} onUnpin={onUnpinFact} />
            </div>
          </div>
        </>
      )}
    </section>
  );
}
