import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseSummary, type HistoryItem, NOTE_MAX_CHARS } from '../../../../shared';
import { useDraft } from '../../state/use-draft';
import { useShortcut } from '../../state/use-shortcut';
import { Kbd } from '../../ui/Kbd';
import { EntryKindPicker } from './EntryKindPicker';
import { NoteStatus } from './NoteStatus';
import { type EntryKind, useSaveNote } from './use-save-note';

interface NoteComposerProps {
  customerId: string;
  /** undefined while the customer's cases are still loading. */
  target: CaseSummary | null | undefined;
  onSaved(entry: HistoryItem): void;
  onShowCase(caseId: string): void;
}

/** Show the counter only once it matters, so it does not compete with the text. */
const COUNTER_FROM = NOTE_MAX_CHARS - 2_000;

export function NoteComposer({ customerId, target, onSaved, onShowCase }: NoteComposerProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLTextAreaElement>(null);
  const draft = useDraft(customerId);
  const { state, save, reset } = useSaveNote();
  const [problem, setProblem] = useState<string | null>(null);
  const [kind, setKind] = useState<EntryKind>('note');
  const length = draft.text.length;
  const saving = state.status === 'saving';

  useShortcut({ key: 'n', alt: true }, () => box.current?.focus());

  // Screen pop ends in the note box: the agent's next act is to write down what the caller says.
  const focused = useRef(false);
  useEffect(() => {
    if (target && !focused.current) {
      focused.current = true;
      box.current?.focus();
    }
  }, [target]);

  const submit = async () => {
    if (saving || !target) return;
    const body = draft.text;
    if (body.trim().length === 0) return setProblem(t('note.emptyBody'));
    if (body.length > NOTE_MAX_CHARS) return setProblem(t('note.tooLong', { count: body.length, max: NOTE_MAX_CHARS }));
    setProblem(null);
    const entry = await save({ customerId, target, body, kind });
    if (!entry) return;
    // The box was read-only while saving, so what was sent is all there is to clear.
    draft.clear();
    setKind('note');
    onSaved(entry);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <section className="panel note-composer" aria-labelledby="note-title">
      <div className="panel-header">
        <h2 className="panel-title">
          <label id="note-title" htmlFor="note-body">
            {t('note.label')}
          </label>
        </h2>
        <Kbd keys={t('note.shortcutFocus')} />
        <EntryKindPicker value={kind} onChange={setKind} disabled={saving || !target} />
      </div>
      {target === undefined ? (
        <p className="note-target" aria-hidden="true">
          &nbsp;
        </p>
      ) : target ? (
        <p className="note-target">
          <span className="note-target-text">
            {t('note.target')} <span className="case-number">{target.number}</span> <span className="note-target-title">{target.title}</span>
          </span>
          <button type="button" className="link-button" onClick={() => onShowCase(target.id)}>
            {t('caseDetail.open')}
          </button>
        </p>
      ) : (
        <p className="note-target note-target-missing">{t('note.noCase')}</p>
      )}
      <textarea
        ref={box}
        id="note-body"
        className="note-body"
        value={draft.text}
        readOnly={saving}
        disabled={!target}
        placeholder={t('note.placeholder')}
        aria-keyshortcuts="Alt+N Control+Enter"
        aria-invalid={length > NOTE_MAX_CHARS || undefined}
        onChange={(e) => {
          draft.setText(e.target.value);
          setProblem(null);
          if (state.status === 'saved') reset();
        }}
        onKeyDown={onKeyDown}
      />
      <div className="note-footer">
        <NoteStatus state={state} problem={problem} />
        {draft.restored && state.status === 'idle' && <span className="note-draft">{t('note.draftRestored')}</span>}
        {length >= COUNTER_FROM && (
          <span className={`note-counter${length > NOTE_MAX_CHARS ? ' note-counter-over' : ''}`}>{t('note.counter', { count: length, max: NOTE_MAX_CHARS })}</span>
        )}
        <button type="button" className="button button-primary" onClick={() => void submit()} disabled={saving || !target} aria-keyshortcuts="Control+Enter">
          {saving ? t('note.saving') : t('note.save')} <Kbd keys={t('note.shortcutSave')} />
        </button>
      </div>
    </section>
  );
}
