import { useTranslation } from 'react-i18next';
import type { Note } from '../../../../shared';
import { useDeskActions } from '../../state/desk-actions';

/** Pins this note to the brief, or says that it is pinned already. */
export function PinNoteButton({ note }: { note: Note }) {
  const { t } = useTranslation();
  const actions = useDeskActions();
  if (!actions) return null;
  const pin = actions.pinStatus(note.id);
  if (pin.status === 'pinned') return <span className="entry-pinned">{t('fact.pinned')}</span>;
  return (
    <>
      {pin.status === 'failed' && (
        <span className="entry-action-error" role="alert">
          {pin.message}
        </span>
      )}
      <button
        type="button"
        className="entry-action"
        onClick={() => actions.pinNote(note)}
        disabled={pin.status === 'pinning'}
        aria-label={t('fact.pinNoteLabel', { text: note.body.slice(0, 40) })}
        title={t('fact.pinNoteHint')}
      >
        {pin.status === 'pinning' ? t('fact.pinning') : t('fact.pinNote')}
      </button>
    </>
  );
}
