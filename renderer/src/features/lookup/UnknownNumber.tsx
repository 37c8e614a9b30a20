import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../shared';
import { formatPhone } from '../../format/phone';
import { CreateCustomerDialog } from '../customer/CreateCustomerDialog';
import { LookupNotice } from './LookupNotice';

/** A valid number nobody has: say so, and offer to register the caller with the number filled in. */
export function UnknownNumber({ phone, onCreated }: { phone: string; onCreated(customer: Customer, phone: string): void }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const shown = formatPhone(phone);
  return (
    <LookupNotice id="unknown-number" tone="info" title={t('notFound.title')}>
      <p className="notice-body">{t('notFound.body', { phone: shown })}</p>
      <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
        {t('notFound.create')}
      </button>
      <CreateCustomerDialog open={creating} onOpenChange={setCreating} phone={shown} onCreated={onCreated} />
    </LookupNotice>
  );
}
