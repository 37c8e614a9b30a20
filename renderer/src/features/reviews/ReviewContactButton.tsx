import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, Review } from '../../../../shared';
import { isLead, useSession } from '../../state/use-session';
import { ReviewDialog } from './ReviewDialog';

/** The history entry's "QA review" action, for supervisors and administrators; it says the score once saved. */
export function ReviewContactButton({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<Review | null>(null);
  if (!isLead(session)) return null;
  return (
    <>
      <button type="button" className="entry-action" onClick={() => setOpen(true)} title={t('review.actionHint')}>
        {saved ? `${t('review.action')} · ${t('review.average', { score: saved.score.toFixed(1) })}` : t('review.action')}
      </button>
      {open && <ReviewDialog contact={contact} open={open} onOpenChange={setOpen} onSaved={setSaved} />}
    </>
  );
}
