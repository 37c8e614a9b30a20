import { useTranslation } from 'react-i18next';
import type { CaseSummary, CustomerSummary } from '../../../../shared';
import { isOpen } from '../../format/cases';
import { formatDate } from '../../format/date-time';
import { formatPhone } from '../../format/phone';

interface CustomerHeaderProps {
  customer: CustomerSummary;
  /** The number the caller was looked up by, in E.164. */
  phone: string;
  createdAt?: string | undefined;
  cases?: readonly CaseSummary[] | undefined;
  /** Opens the customer's record for correcting; absent until the full record is loaded. */
  onEdit?: (() => void) | undefined;
}

/** Who is calling: name, the number they called from, tier, and how much is open. */
export function CustomerHeader({ customer, phone, createdAt, cases, onEdit }: CustomerHeaderProps) {
  const { t, i18n } = useTranslation();
  const openCount = cases?.filter((c) => isOpen(c.status)).length;
  const otherPhones = customer.phones.filter((p) => p.e164 !== phone);
  return (
    <header className="customer-header" aria-label={t('customer.region')}>
      <h1 className="customer-name">{customer.name}</h1>
      <p className="customer-facts">
        <span className="visually-hidden">{t('customer.phone')}</span>
        <span className="customer-phone">{formatPhone(phone)}</span>
        {otherPhones.map((p) => (
          <span key={p.e164} className="customer-phone customer-phone-other">
            {formatPhone(p.e164)}
          </span>
        ))}
        <span className="visually-hidden">{t('customer.tier')}</span>
        <span className={`tier tier-${customer.tier}`}>{t(`tier.${customer.tier}`)}</span>
        {openCount !== undefined && (
          <span className={openCount > 0 ? 'customer-open-cases' : 'muted'}>
            {openCount > 0 ? t('customer.openCases', { count: openCount }) : t('customer.noOpenCases')}
          </span>
        )}
        {createdAt && <span className="muted">{t('customer.since', { date: formatDate(createdAt, i18n.language) })}</span>}
        {onEdit && (
          <button type="button" className="button button-small customer-edit" onClick={onEdit}>
            {t('customerRecord.edit')}
          </button>
        )}
      </p>
    </header>
  );
}
