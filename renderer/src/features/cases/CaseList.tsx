import { RadioGroup } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared';
import { isOpen, newestFirst } from '../../format/cases';
import { formatDate } from '../../format/date-time';
import { SHORTCUTS } from '../../state/shortcuts';
import { Kbd } from '../../ui/Kbd';

interface CaseListProps {
  cases: readonly CaseSummary[];
  selectedId: string | null;
  /** Cases holding an unfinished note of this agent's. */
  drafts: ReadonlyMap<string, string>;
  onSelect(caseId: string): void;
  onNewCase(): void;
}

/**
 * The customer's cases as a choice: the selected one is where the next note is filed. Arrow keys move
 * the choice. Kept short, one title line each, since the brief beside it details every open case.
 */
export function CaseList({ cases, selectedId, drafts, onSelect, onNewCase }: CaseListProps) {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel case-list" aria-labelledby="case-list-title">
      <div className="panel-header">
        <h2 id="case-list-title" className="panel-title">
          {t('cases.heading')} <span className="panel-count">{cases.length}</span>
        </h2>
        <button type="button" className="button button-small" onClick={onNewCase} aria-keyshortcuts="Alt+C">
          + {t('cases.newCase')} <Kbd keys={SHORTCUTS.newCase.keys} />
        </button>
      </div>
      {cases.length === 0 ? (
        <p className="panel-empty">{t('cases.empty')}</p>
      ) : (
        <RadioGroup.Root
          className="case-options"
          value={selectedId ?? ''}
          onValueChange={onSelect}
          aria-labelledby="case-list-title"
          aria-describedby="case-list-hint"
        >
          {newestFirst(cases).map((c) => (
            <RadioGroup.Item
              key={c.id}
              value={c.id}
              className={`case-option${isOpen(c.status) ? '' : ' case-option-done'}`}
              data-case-number={c.number}
            >
              <span className="case-option-top">
                <span className="case-number">{c.number}</span>
                <span className={`status status-${c.status}`}>{t(`status.${c.status}`)}</span>
                {drafts.has(c.id) && <span className="case-draft">{t('cases.hasDraft')}</span>}
              </span>
              <span className="case-title" title={c.title}>
                {c.title}
              </span>
              {/* Open cases are spelled out in the brief; a closed one says here what it was. */}
              {!isOpen(c.status) && (
                <span className="case-meta">
                  {t(`category.${c.category}`)} · {t('cases.openedAt', { date: formatDate(c.openedAt, i18n.language) })}
                </span>
              )}
            </RadioGroup.Item>
          ))}
        </RadioGroup.Root>
      )}
      <p id="case-list-hint" className="visually-hidden">
        {t('cases.hint')}
      </p>
    </section>
  );
}
