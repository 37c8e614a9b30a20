import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../shared';
import { formatPhone } from '../../format/phone';
import { AttachPhoneDialog } from '../customer';
import { CreateCustomerDialog } from '../customer';
import { LookupNotice } from './LookupNotice';

/**
 * A valid number nobody has: say so, and offer to register the caller with the number filled in,
 * or to add the number to a customer we already know (a new phone, a relative's).
 */
export function UnknownNumber({ phone, onCreated }: { phone: string; onCreated(customer: Customer, phone: string): void }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [attaching, setAttaching] = useState(false);
  const shown = formatPhone(phone);
  return (
    <LookupNotice id="unknown-number" tone="info" title={t('notFound.title')}>
      <p className="notice-body">{t('notFound.body', { phone: shown })}</p>
      <div className="notice-actions">
        <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
          {t('notFound.create')}
        </button>
        <button type="button" className="button" onClick={() => setAttaching(true)}>
          {t('notFound.attach')}
        </button>
      </div>
      <CreateCustomerDialog open={creating} onOpenChange={setCreating} phone={shown} onCreated={onCreated} />
      <AttachPhoneDialog open={attaching} onOpenChange={setAttaching} phone={phone} onAttached={onCreated} />
    </LookupNotice>
  );
}
