import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../errors/describe-error';
import { formatDay } from '../../format/date-time';
import { mapRanges } from '../../format/highlights';
import { formatPhone } from '../../format/phone';
import { Highlighted } from '../../ui/Highlighted';
import type { SearchOption } from './search-options';
import { SEARCH_MAX_CHARS, type SearchState } from './use-global-search';

interface SearchResultsListProps {
  id: string;
  state: SearchState;
  /** True while the answer for the text as it stands has not arrived. */
  pending: boolean;
  options: readonly SearchOption[];
  activeId: string | null;
  onChoose(option: SearchOption): void;
  onHover(id: string): void;
}

/** The list under the search box: grouped, ranked as the host returned them, matches marked. */
export function SearchResultsList({ id, state, pending, options, activeId, onChoose, onHover }: SearchResultsListProps) {
  const { t, i18n } = useTranslation();
  const group = (kind: SearchOption['kind']) => options.filter((o) => o.kind === kind);
  const row = (option: SearchOption, body: ReactNode) => (
    <li
      key={option.id}
      id={option.id}
      role="option"
      aria-selected={option.id === activeId}
      className={`search-option search-option-${option.kind}${option.id === activeId ? ' search-option-active' : ''}`}
      onMouseMove={() => onHover(option.id)}
      onClick={() => onChoose(option)}
    >
      {body}
    </li>
  );
  const section = (kind: 'customer' | 'case' | 'note', render: (option: SearchOption) => ReactNode) => {
    const rows = group(kind);
    if (rows.length === 0) return null;
    return (
      <li role="presentation" className="search-group">
        <p className="search-group-title" id={`${id}-${kind}`} aria-hidden="true">
          {t(`search.group.${kind}`)}
        </p>
        <ul role="group" aria-labelledby={`${id}-${kind}`} className="search-group-list">
          {rows.map((option) => row(option, render(option)))}
        </ul>
      </li>
    );
  };

  const resultCount = options.filter((o) => o.kind !== 'lookup').length;
  return (
    // Pressing anywhere in the list (a row, the scroll bar) must not take focus from the box.
    <div className="search-popup" onMouseDown={(e) => e.preventDefault()}>
      <ul id={id} role="listbox" aria-label={t('search.resultsLabel')} className="search-list">
        {options
          .filter((o) => o.kind === 'lookup')
          .map((option) =>
            row(
              option,
              <span className="search-lookup">
                <span className="search-lookup-icon" aria-hidden="true">
                  ☎
                </span>
                {t('search.lookupNumber', { number: option.kind === 'lookup' ? option.raw.trim() : '' })}
                <span className="search-enter" aria-hidden="true">
                  ↵
                </span>
              </span>,
            ),
          )}
        {section('customer', (option) =>
          option.kind === 'customer' ? (
            <span className="search-line">
              <Highlighted className="search-primary" text={option.result.name.text} ranges={option.result.name.highlights} />
              <Highlighted
                className="search-phone"
                text={formatPhone(option.result.phone.text)}
                ranges={mapRanges(option.result.phone.text, formatPhone(option.result.phone.text), option.result.phone.highlights)}
              />
              <span className="search-meta">{t(`tier.${option.result.customer.tier}`)}</span>
            </span>
          ) : null,
        )}
        {section('case', (option) =>
          option.kind === 'case' ? (
            <span className="search-line">
              <Highlighted className="case-number" text={option.result.number.text} ranges={option.result.number.highlights} />
              <Highlighted
                className="search-primary search-case-title"
                text={option.result.title.text}
                ranges={option.result.title.highlights}
              />
              <span className="search-meta">
                {option.result.customerName} · {t(`status.${option.result.case.status}`)}
              </span>
            </span>
          ) : null,
        )}
        {section('note', (option) =>
          option.kind === 'note' ? (
            <span className="search-note">
              <Highlighted className="search-snippet" text={option.result.snippet.text} ranges={option.result.snippet.highlights} />
              <span className="search-meta">
                <span className="search-customer">{option.result.customerName}</span>
                {option.result.caseRef && <span className="case-number">{option.result.caseRef.number}</span>}
                <span>{t('timeline.agent', { name: option.result.author.name, employeeNo: option.result.author.employeeNo })}</span>
                <span>{formatDay(option.result.createdAt, i18n.language)}</span>
              </span>
            </span>
          ) : null,
        )}
      </ul>
      <SearchFooter state={state} pending={pending} resultCount={resultCount} t={t} />
    </div>
  );
}

function SearchFooter({ state, pending, resultCount, t }: { state: SearchState; pending: boolean; resultCount: number; t: TFunction }) {
  if (state.status === 'too_long') {
    return (
      <p className="search-status search-status-warn" role="status">
        {t('search.tooLong', { max: SEARCH_MAX_CHARS })}
      </p>
    );
  }
  if (state.status === 'failed' && !pending) {
    return (
      <p className="search-status search-status-error" role="alert">
        {t('search.failed', { reason: describeError(state.error, t) })}
      </p>
    );
  }
  if (pending) {
    return (
      <p className="search-status" role="status">
        {t('search.searching')}
      </p>
    );
  }
  if (resultCount === 0) {
    return (
      <p className="search-status" role="status">
        {t('search.noResults')}
      </p>
    );
  }
  return (
    <p className="search-status search-hint" role="status">
      {t('search.count', { count: resultCount })} · {t('search.keysHint')}
    </p>
  );
}
