import { Dialog } from 'radix-ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Contact, type Review, SCORECARD, type ScorecardItem } from '../../../../shared';
import { describeError } from '../../errors/describe-error';
import { formatDateTime } from '../../format/date-time';
import { useProcedureMutation } from '../../state/use-procedure-mutation';
import { DialogCloseActions, DialogShell } from '../../ui/DialogShell';
import { Field } from '../../ui/Field';

interface ReviewDialogProps {
  contact: Contact;
  open: boolean;
  onOpenChange(open: boolean): void;
  onSaved(review: Review): void;
}

type Scores = Record<ScorecardItem, { score: string; comment: string }>;

const EMPTY: Scores = Object.fromEntries(SCORECARD.map((item) => [item, { score: '', comment: '' }])) as Scores;

/** A supervisor's QA review of one contact: each scorecard item 1–5 with a comment, and an overall comment. */
export function ReviewDialog({ contact, open, onOpenChange, onSaved }: ReviewDialogProps) {
  const { t, i18n } = useTranslation();
  const [scores, setScores] = useState<Scores>(EMPTY);
  const [comment, setComment] = useState('');
  const [saved, setSaved] = useState<Review | null>(null);
  const save = useProcedureMutation('reviews.create');

  const set = (item: ScorecardItem, part: 'score' | 'comment', value: string) =>
    setScores((current) => ({ ...current, [item]: { ...current[item], [part]: value } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.busy) return;
    save.send(
      {
        contactId: contact.id,
        // An item left unscored goes as 0, and the host says in words that every score is 1 to 5.
        items: SCORECARD.map((item) => ({ item, score: Number(scores[item].score || 0), comment: scores[item].comment })),
        comment,
      },
      (review) => {
        setSaved(review);
        onSaved(review);
      },
    );
  };

  return (
    <DialogShell open={open} onOpenChange={onOpenChange} className="review-dialog">
      <Dialog.Title className="dialog-title">{t('review.title')}</Dialog.Title>
      <Dialog.Description className="dialog-description">
        {t('review.description', {
          agent: t('topbar.agent', { name: contact.agent.name, employeeNo: contact.agent.employeeNo }),
          when: formatDateTime(contact.startedAt, i18n.language),
        })}
      </Dialog.Description>
      {saved ? (
        <>
          <p className="review-saved" role="status">
            {t('review.saved', { score: saved.score.toFixed(1) })}
          </p>
          <DialogCloseActions />
        </>
      ) : (
        <form className="dialog-form review-form" onSubmit={submit} noValidate>
          {SCORECARD.map((item) => (
            <fieldset key={item} className="review-item">
              <legend>{t(`review.item.${item}`)}</legend>
              <Field label={t('review.score', { item: t(`review.item.${item}`) })}>
                {(props) => (
                  <select {...props} className="input" value={scores[item].score} onChange={(e) => set(item, 'score', e.target.value)}>
                    <option value="">—</option>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <option key={n} value={n}>
                        {t('review.scoreOption', { score: n })}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('review.itemComment', { item: t(`review.item.${item}`) })}>
                {(props) => (
                  <input
                    {...props}
                    className="input"
                    maxLength={1000}
                    value={scores[item].comment}
                    onChange={(e) => set(item, 'comment', e.target.value)}
                  />
                )}
              </Field>
            </fieldset>
          ))}
          <Field label={t('review.comment')}>
            {(props) => (
              <textarea
                {...props}
                className="input"
                rows={3}
                maxLength={1000}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
            )}
          </Field>
          {save.error !== null && (
            <p className="form-error" role="alert">
              {describeError(save.error, t)}
            </p>
          )}
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button type="button" className="button">
                {t('common.cancel')}
              </button>
            </Dialog.Close>
            <button type="submit" className="button button-primary" disabled={save.busy} aria-busy={save.busy}>
              {save.busy ? t('review.saving') : t('review.save')}
            </button>
          </div>
        </form>
      )}
    </DialogShell>
  );
}
