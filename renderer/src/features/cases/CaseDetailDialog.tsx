import { Dialog } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared';
import { describeError } from '../../errors/describe-error';
import { formatDateTime } from '../../format/date-time';
import { AgentName, NoteText, When } from '../timeline/EntryParts';
import { useCaseDetail } from './use-case-detail';

interface CaseDetailDialogProps {
  summary: CaseSummary | null;
  onClose(): void;
}

/** A case in full: its fields, who opened it, and every note on it, newest first. */
export function CaseDetailDialog({ summary, onClose }: CaseDetailDialogProps) {
  const { t, i18n } = useTranslation();
  const state = useCaseDetail(summary?.id ?? null, summary?.version ?? 0);
  const open = summary !== null;
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog-wide">
          {summary && (
            <>
              <Dialog.Title className="dialog-title">
                <span className="case-number">{summary.number}</span> {summary.title}
              </Dialog.Title>
              <Dialog.Description className="dialog-description">{t('caseDetail.description')}</Dialog.Description>
              <dl className="case-facts">
                <dt>{t('caseDetail.status')}</dt>
                <dd>
                  <span className={`status status-${summary.status}`}>{t(`status.${summary.status}`)}</span>
                </dd>
                <dt>{t('caseDetail.priority')}</dt>
                <dd>{t(`priority.${summary.priority}`)}</dd>
                <dt>{t('caseDetail.category')}</dt>
                <dd>{t(`category.${summary.category}`)}</dd>
                <dt>{t('caseDetail.level')}</dt>
                <dd>{t(`level.${summary.level}`)}</dd>
                <dt>{t('caseDetail.opened')}</dt>
                <dd>
                  {formatDateTime(summary.openedAt, i18n.language)}
                  {state.status === 'ready' && (
                    <>
                      {' · '}
                      <AgentName agent={state.detail.openedBy} />
                    </>
                  )}
                </dd>
                <dt>{t('caseDetail.updated')}</dt>
                <dd>{formatDateTime(summary.updatedAt, i18n.language)}</dd>
              </dl>
              <h3 className="case-detail-heading">
                {state.status === 'ready'
                  ? t('caseDetail.counts', { notes: state.detail.notes.length, contacts: state.detail.contacts.length })
                  : t('caseDetail.notes')}
              </h3>
              <div className="case-detail-notes">
                {state.status === 'loading' && <p className="muted">{t('caseDetail.loading')}</p>}
                {state.status === 'failed' && (
                  <p className="form-error" role="alert">
                    {describeError(state.error, t)}
                  </p>
                )}
                {state.status === 'ready' && state.detail.notes.length === 0 && <p className="muted">{t('caseDetail.noNotes')}</p>}
                {state.status === 'ready' &&
                  [...state.detail.notes]
                    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
                    .map((note) => (
                      <article key={note.id} className="case-detail-note">
                        <div className="entry-head">
                          <When at={note.createdAt} />
                          <AgentName agent={note.author} />
                        </div>
                        <NoteText body={note.body} />
                      </article>
                    ))}
              </div>
              <div className="dialog-actions">
                <Dialog.Close asChild>
                  <button type="button" className="button">
                    {t('common.close')}
                  </button>
                </Dialog.Close>
              </div>
            </>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
