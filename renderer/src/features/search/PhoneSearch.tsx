import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortcut } from '../../state/use-shortcut';
import { Kbd } from '../../ui/Kbd';

interface PhoneSearchProps {
  busy: boolean;
  /** Id of the message that explains why the last number was refused, if any. */
  describedBy?: string | undefined;
  invalid: boolean;
  onLookup(raw: string): void;
}

/** The caller's number, focused when the desk opens and on Ctrl+K, looked up on Enter. */
export function PhoneSearch({ busy, describedBy, invalid, onLookup }: PhoneSearchProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [emptyHint, setEmptyHint] = useState(false);

  useShortcut({ key: 'k', ctrl: true }, () => {
    input.current?.focus();
    input.current?.select();
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim().length === 0) {
      setEmptyHint(true);
      return;
    }
    setEmptyHint(false);
    onLookup(text);
  };

  return (
    <form role="search" className="phone-search" onSubmit={submit}>
      <label htmlFor="phone-search" className="visually-hidden">
        {t('search.label')}
      </label>
      <span className="phone-search-icon" aria-hidden="true">
        ☎
      </span>
      <input
        ref={input}
        id="phone-search"
        className="phone-search-input"
        type="text"
        inputMode="tel"
        autoComplete="off"
        spellCheck={false}
        autoFocus
        placeholder={t('search.placeholder')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setEmptyHint(false);
        }}
        aria-invalid={invalid || emptyHint || undefined}
        aria-describedby={emptyHint ? 'phone-search-empty' : describedBy}
        aria-keyshortcuts="Control+K"
      />
      <Kbd keys={t('search.shortcut')} />
      <button type="submit" className="button button-primary phone-search-submit" disabled={busy}>
        {busy ? t('search.searching') : t('search.submit')}
      </button>
      {emptyHint && (
        <p id="phone-search-empty" className="phone-search-hint" role="alert">
          {t('search.empty')}
        </p>
      )}
    </form>
  );
}
