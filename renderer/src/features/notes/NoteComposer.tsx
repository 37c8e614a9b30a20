import { type KeyboardEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseSummary, type HistoryItem, NOTE_MAX_CHARS } from '../../../../shared';
import { takeFocusClaim } from '../../state/focus-claim';
import { SHORTCUTS } from '../../state/shortcuts';
import { useShortcut } from '../../state/use-shortcut';
import { Kbd } from '../../ui/Kbd';
import { DraftStatus } from './DraftStatus';
import { EntryKindPicker } from './EntryKindPicker';
import { NoteStatus } from './NoteStatus';
import { useHostDraft } from './use-host-draft';
import { type EntryKind, useSaveNote } from './use-save-note';

interface NoteComposerProps {
  customerId: string;
  /** undefined while the customer's cases (and where drafts wait) are still loading. */
  target: CaseSummary | null | undefined;
  onSaved(entry: HistoryItem): void;
  onShowCase(caseId: string): void;
  /** Tells the case list which cases hold a draft of this agent's. */
  onDraftPresence(caseId: string, hasText: boolean): void;
  boxRef?: RefObject<HTMLTextAreaElement | null>;
}

/** Show the counter only once it matters, so it does not compete with the text. */
const COUNTER_FROM = NOTE_MAX_CHARS - 2_000;

export function NoteComposer({ customerId, target, onSaved, onShowCase, onDraftPresence, boxRef }: NoteComposerProps) {
  const { t } = useTranslation();
  const ownBox = useRef<HTMLTextAreaElement>(null);
  const box = boxRef ?? ownBox;
  const draft = useHostDraft(target?.id ?? null, onDraftPresence);
  const { state, save, reset } = useSaveNote();
  const [problem, setProblem] = useState<string | null>(null);
  const [kind, setKind] = useState<EntryKind>('note');
  const length = draft.text.length;
  const over = length > NOTE_MAX_CHARS;
  const saving = state.status === 'saving';

  useShortcut(SHORTCUTS.note.shortcut, () => box.current?.focus());

  // Screen pop ends in the note box: the agent's next act is to write down what the caller says.
  // Only if they have not moved on since asking (typed the next number, clicked elsewhere): focus is
  // never taken from the agent.
  const focused = useRef(false);
  useEffect(() => {
    if (target && !focused.current) {
      focused.current = true;
      if (takeFocusClaim()) box.current?.focus();
    }
  }, [target, box]);

  const submit = async () => {
    if (saving || !target) return;
    const body = draft.text;
    if (body.trim().length === 0) return setProblem(t('note.emptyBody'));
    // Too long: the message under the box already says so, and the words stay in the draft.
    if (body.length > NOTE_MAX_CHARS) return;
    setProblem(null);
    // The host holds the latest words before the note is sent; if sending fails, they are still there.
    await draft.settle();
    const entry = await save({ customerId, target, body, kind });
    if (!entry) return;
    // The box was read-only while saving, so what was sent is all there is to clear. A note takes
    // its draft with it in one transaction; a logged call does not, so that draft is removed here.
    if (kind === 'note') draft.filed();
    else draft.discard();
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
        <Kbd keys={SHORTCUTS.note.keys} />
        <EntryKindPicker value={kind} onChange={setKind} disabled={saving || !target} />
      </div>
      {target === undefined ? (
        <p className="note-target" aria-hidden="true">
          &nbsp;
        </p>
      ) : target ? (
        <p className="note-target">
          <span className="note-target-text">
            {t('note.target')} <span className="case-number">{target.number}</span>{' '}
            <span className="note-target-title">{target.title}</span>
          </span>
          <button type="button" className="link-button" onClick={() => onShowCase(target.id)} aria-keyshortcuts="Alt+O">
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
        aria-invalid={over || undefined}
        aria-describedby="note-draft-status"
        onChange={(e) => {
          draft.setText(e.target.value);
          setProblem(null);
          if (state.status === 'saved') reset();
        }}
        onBlur={draft.flush}
        onKeyDown={onKeyDown}
      />
      {over && (
        <p className="note-over" role="alert">
          {t('note.overLimit', { count: length, max: NOTE_MAX_CHARS })}
          {draft.save.status === 'saved' && draft.save.tooLongForNote ? ` ${t('note.overLimitKept')}` : ''}
        </p>
      )}
      <div className="note-footer">
        <NoteStatus state={state} problem={problem} />
        <DraftStatus id="note-draft-status" draft={draft} quiet={state.status !== 'idle'} />
        {length >= COUNTER_FROM && (
          <span className={`note-counter${over ? ' note-counter-over' : ''}`}>
            {t('note.counter', { count: length, max: NOTE_MAX_CHARS })}
          </span>
        )}
        <button
          type="button"
          className="button button-primary"
          onClick={() => void submit()}
          disabled={saving || !target}
          aria-keyshortcuts="Control+Enter"
        >
          {saving ? t('note.saving') : t('note.save')} <Kbd keys={SHORTCUTS.saveNote.keys} />
        </button>
      </div>
    </section>
  );
}
