import { useTranslation } from 'react-i18next';
import { DRAFT_MAX_CHARS } from '../../../../shared';
import { describeError } from '../../errors/describe-error';
import { formatTime } from '../../format/date-time';
import type { HostDraft } from './use-host-draft';

/**
 * Where the words being typed stand: restored, saving, saved at a given time, or not saved and why.
 * Saves are not announced (they happen every pause); failures are, because words are at risk.
 */
export function DraftStatus({ id, draft, quiet }: { id: string; draft: HostDraft; quiet: boolean }) {
  const { t, i18n } = useTranslation();
  const { save } = draft;
  if (save.status === 'failed' || save.status === 'load_failed' || save.status === 'too_long') {
    const text =
      save.status === 'too_long'
        ? t('draft.tooLong', { max: DRAFT_MAX_CHARS })
        : save.status === 'failed'
          ? t('draft.failed', { reason: describeError(save.error, t) })
          : t('draft.loadFailed', { reason: describeError(save.error, t) });
    return (
      <span id={id} className="note-draft note-draft-failed" role="alert">
        {text}
      </span>
    );
  }
  let text = '';
  if (draft.restored) text = t('note.draftRestored');
  else if (quiet) text = '';
  else if (save.status === 'loading') text = t('draft.loading');
  else if (save.status === 'saving') text = t('draft.saving');
  else if (save.status === 'saved') text = t('draft.saved', { time: formatTime(new Date(save.at), i18n.language) });
  return (
    <span id={id} className="note-draft" data-draft-status={save.status}>
      {text}
    </span>
  );
}
