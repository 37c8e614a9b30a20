import { useTranslation } from 'react-i18next';
import { describeError } from '../../errors/describe-error';
import { formatTime } from '../../format/date-time';
import type { SaveState } from './use-save-note';

export function NoteStatus({ state, problem }: { state: SaveState; problem: string | null }) {
  const { t, i18n } = useTranslation();
  if (problem) {
    return (
      <p className="note-status note-status-failed" role="alert">
        {problem}
      </p>
    );
  }
  switch (state.status) {
    case 'idle':
      return <p className="note-status" role="status" />;
    case 'saving':
      return (
        <p className="note-status note-status-saving" role="status">
          {t('note.saving')}
        </p>
      );
    case 'saved':
      return (
        <p className="note-status note-status-saved" role="status">
          ✓ {t('note.saved', { time: formatTime(state.at, i18n.language) })}
        </p>
      );
    case 'failed':
      return (
        <p className="note-status note-status-failed" role="alert">
          {t('note.failed', { reason: describeError(state.error, t) })} {t('note.kept')}
        </p>
      );
  }
}
