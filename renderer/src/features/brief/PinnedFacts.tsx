import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PinnedFact } from '../../../../shared';
import { SHORTCUTS } from '../../state/shortcuts';
import { Kbd } from '../../ui/Kbd';
import { FactItem } from '../facts';

/** More than this and the rest wait behind "show all", so one chatty customer cannot push the brief off screen. */
const SHOWN_AT_FIRST = 4;

interface PinnedFactsProps {
  facts: readonly PinnedFact[];
  caseNumbers: ReadonlyMap<string, string>;
  onAdd(): void;
  onUnpin(id: string): Promise<void>;
}

/** What is already established with this customer, so nobody asks for it again. */
export function PinnedFacts({ facts, caseNumbers, onAdd, onUnpin }: PinnedFactsProps) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? facts : facts.slice(0, SHOWN_AT_FIRST);
  return (
    <section className="brief-section brief-facts" aria-labelledby="brief-facts-title">
      <h3 id="brief-facts-title" className="brief-heading">
        {t('brief.pinnedFacts')} <span className="brief-count">{facts.length}</span>
        <button type="button" className="link-button brief-heading-action" onClick={onAdd} aria-keyshortcuts="Alt+P">
          + {t('fact.add')} <Kbd keys={SHORTCUTS.pinFact.keys} />
        </button>
      </h3>
      {facts.length === 0 ? (
        <p className="brief-empty">{t('brief.noFacts')}</p>
      ) : (
        <ul className="fact-list">
          {shown.map((fact) => (
            <FactItem key={fact.id} fact={fact} caseNumber={fact.caseId ? caseNumbers.get(fact.caseId) : undefined} onUnpin={onUnpin} />
          ))}
        </ul>
      )}
      {facts.length > SHOWN_AT_FIRST && (
        <button type="button" className="link-button brief-more" onClick={() => setAll((v) => !v)} aria-expanded={all}>
          {all ? t('brief.fewerFacts') : t('brief.moreFacts', { count: facts.length - SHOWN_AT_FIRST })}
        </button>
      )}
    </section>
  );
}
