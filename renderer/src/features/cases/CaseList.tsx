import { RadioGroup } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared';
import { isOpen, newestFirst } from '../../format/cases';
import { formatDate } from '../../format/date-time';

interface CaseListProps {
  cases: readonly CaseSummary[];
  selectedId: string | null;
  onSelect(caseId: string): void;
  onNewCase(): void;
}

/** The customer's cases; the selected one is where the next note is filed. Arrow keys move the choice. */
export function CaseList({ cases, selectedId, onSelect, onNewCase }: CaseListProps) {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel case-list" aria-labelledby="case-list-title">
      <div className="panel-header">
        <h2 id="case-list-title" className="panel-title">
          {t('cases.heading')} <span className="panel-count">{cases.length}</span>
        </h2>
        <button type="button" className="button button-small" onClick={onNewCase}>
          + {t('cases.newCase')}
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
            <RadioGroup.Item key={c.id} value={c.id} className={`case-option${isOpen(c.status) ? '' : ' case-option-done'}`} data-case-number={c.number}>
              <span className="case-option-top">
                <span className="case-number">{c.number}</span>
                <span className={`status status-${c.status}`}>{t(`status.${c.status}`)}</span>
                {(c.priority === 'high' || c.priority === 'urgent') && (
                  <span className={`priority priority-${c.priority}`}>{t(`priority.${c.priority}`)}</span>
                )}
                {c.level > 1 && (
                  <span className="level">
                    {t('cases.levelBadge', { level: c.level })} {t(`level.${c.level}`)}
                  </span>
                )}
              </span>
              <span className="case-title">{c.title}</span>
              <span className="case-meta">
                {t(`category.${c.category}`)} · {t('cases.openedAt', { date: formatDate(c.openedAt, i18n.language) })}
              </span>
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
