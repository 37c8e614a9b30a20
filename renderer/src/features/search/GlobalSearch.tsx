import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '../../../../shared';
import { SHORTCUTS } from '../../state/shortcuts';
import { useShortcut } from '../../state/use-shortcut';
import { Kbd } from '../../ui/Kbd';
import { looksLikePhone, type SearchOption, searchOptions } from './search-options';
import { SearchResultsList } from './SearchResultsList';
import { useGlobalSearch } from './use-global-search';

/** Where a chosen result leads. */
export type SearchTarget =
  | { kind: 'customer'; customer: CustomerSummary }
  | { kind: 'case'; customerId: string; caseId: string }
  | { kind: 'note'; customerId: string; caseId: string | null; noteId: string };

interface GlobalSearchProps {
  busy: boolean;
  /** Id of the message that explains why the last number was refused, if any. */
  describedBy?: string | undefined;
  invalid: boolean;
  onLookup(raw: string): void;
  onOpen(target: SearchTarget): void;
}

const LIST_ID = 'search-results';

function targetOf(option: Exclude<SearchOption, { kind: 'lookup' }>): SearchTarget {
  switch (option.kind) {
    case 'customer':
      return { kind: 'customer', customer: option.result.customer };
    case 'case':
      return { kind: 'case', customerId: option.result.customerId, caseId: option.result.case.id };
    case 'note':
      return {
        kind: 'note',
        customerId: option.result.customerId,
        caseId: option.result.caseRef?.id ?? null,
        noteId: option.result.noteId,
      };
  }
}

/**
 * One box for everything: the caller's number (Enter looks it up, as it always did), or a name, a
 * case number or words from a note. Results appear as the agent types, grouped and with the matches
 * marked; ↑/↓ move through them, Enter opens the chosen one, Esc closes the list. Focused when the
 * desk opens and on Ctrl+K.
 */
export function GlobalSearch({ busy, describedBy, invalid, onLookup, onOpen }: GlobalSearchProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [emptyHint, setEmptyHint] = useState(false);
  const [chosenId, setChosenId] = useState<string | null>(null);
  // Enter pressed before the results for the text arrived: act on them as soon as they do.
  const [enterWaiting, setEnterWaiting] = useState(false);
  const state = useGlobalSearch(text);

  const query = text.trim();
  const current = state.status !== 'idle' && state.query === query;
  const results = current && state.status === 'ready' ? state.results : null;
  const pending = query.length > 0 && (!current || state.status === 'waiting');
  const options = searchOptions(text, results);
  // The first row is chosen until the agent moves, so Enter always does what the top row says.
  const active = options.find((o) => o.id === chosenId) ?? options[0] ?? null;
  const shown = open && query.length > 0;

  useShortcut(SHORTCUTS.search.shortcut, () => {
    input.current?.focus();
    input.current?.select();
  });

  const close = () => {
    setOpen(false);
    setChosenId(null);
  };

  const choose = (option: SearchOption) => {
    close();
    setEnterWaiting(false);
    if (option.kind === 'lookup') onLookup(option.raw);
    else onOpen(targetOf(option));
  };

  const enter = () => {
    if (query.length === 0) {
      setEmptyHint(true);
      return;
    }
    setEmptyHint(false);
    if (shown && active) return choose(active);
    if (pending && !looksLikePhone(text)) return setEnterWaiting(true);
    close();
    onLookup(text);
  };

  useEffect(() => {
    if (!enterWaiting || pending) return;
    setEnterWaiting(false);
    const first = options[0];
    if (first) choose(first);
    else {
      close();
      onLookup(text);
    }
    // Runs when the answer for the text arrives; choosing reads the options of that answer.
  }, [enterWaiting, pending]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    enter();
  };

  const move = (delta: 1 | -1) => {
    if (!shown) {
      setOpen(true);
      return;
    }
    if (options.length === 0) return;
    const at = active ? options.indexOf(active) : -1;
    const next = options[(at + delta + options.length) % options.length];
    if (next) {
      setChosenId(next.id);
      document.getElementById(next.id)?.scrollIntoView({ block: 'nearest' });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown' && !event.altKey) {
      event.preventDefault();
      move(1);
    } else if (event.key === 'ArrowUp' && !event.altKey) {
      event.preventDefault();
      move(-1);
    } else if (event.key === 'Escape' && shown) {
      event.preventDefault();
      close();
    }
  };

  return (
    <form role="search" className="phone-search" onSubmit={submit}>
      <label htmlFor="phone-search" className="visually-hidden">
        {t('search.label')}
      </label>
      <span className="phone-search-icon" aria-hidden="true" />
      <input
        ref={input}
        id="phone-search"
        className="phone-search-input"
        type="text"
        role="combobox"
        inputMode="search"
        autoComplete="off"
        spellCheck={false}
        autoFocus
        placeholder={t('search.placeholder')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setEmptyHint(false);
          setChosenId(null);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={close}
        aria-expanded={shown}
        aria-controls={shown ? LIST_ID : undefined}
        aria-autocomplete="list"
        aria-activedescendant={shown && active ? active.id : undefined}
        aria-invalid={invalid || emptyHint || undefined}
        aria-describedby={emptyHint ? 'phone-search-empty' : describedBy}
        aria-keyshortcuts="Control+K"
      />
      <Kbd keys={SHORTCUTS.search.keys} />
      <button type="submit" className="button button-primary phone-search-submit" disabled={busy}>
        {busy ? t('search.looking') : t('search.submit')}
      </button>
      {emptyHint && (
        <p id="phone-search-empty" className="phone-search-hint" role="alert">
          {t('search.empty')}
        </p>
      )}
      {shown && (
        <SearchResultsList
          id={LIST_ID}
          state={state}
          pending={pending}
          options={options}
          activeId={active?.id ?? null}
          onChoose={choose}
          onHover={setChosenId}
        />
      )}
    </form>
  );
}
