import { useTranslation } from 'react-i18next';

/**
 * The place kept for what we promised the customer: open, due soon, overdue, broken. Promises are
 * not recorded yet, so the region says so rather than showing anything made up.
 */
export function CommitmentsSlot() {
  const { t } = useTranslation();
  return (
    <section className="brief-section brief-commitments" aria-labelledby="brief-commitments-title" data-region="commitments">
      <h3 id="brief-commitments-title" className="brief-heading">
        {t('brief.commitments')}
      </h3>
      <p className="brief-reserved">{t('brief.commitmentsReserved')}</p>
    </section>
  );
}
