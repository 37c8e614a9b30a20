import type { CustomerSummary } from '../../../shared';
import { formatPhone } from '../../../shared/phone';

/** The number the caller used when we know it, else the customer's first number. */
export function primaryPhone(customer: Pick<CustomerSummary, 'phones'>, preferred?: string): string | null {
  const match = preferred ? customer.phones.find((p) => p.e164 === preferred) : undefined;
  const phone = match ?? customer.phones[0];
  return phone ? formatPhone(phone.e164) : null;
}

export { formatPhone };
