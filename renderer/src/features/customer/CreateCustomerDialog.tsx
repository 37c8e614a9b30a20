import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, Tier } from '../../../../shared';
import { describeError, fieldsAtFault } from '../../errors/describe-error';
import { useProcedureMutation } from '../../state/use-procedure-mutation';
import { Field } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { TierChoice } from './TierChoice';

interface CreateCustomerDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** The number as looked up, already readable; the agent may still correct it. */
  phone: string;
  onCreated(customer: Customer, phone: string): void;
}

export function CreateCustomerDialog({ open, onOpenChange, phone: initialPhone, onCreated }: CreateCustomerDialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState(initialPhone);
  const [tier, setTier] = useState<Tier>('standard');
  const { busy, error, send } = useProcedureMutation('customers.create');
  const faulty = fieldsAtFault(error);

  const submit = () =>
    send({ name, phone, tier }, (customer) => {
      onOpenChange(false);
      onCreated(customer, customer.phones[0]?.e164 ?? phone);
    });

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('createCustomer.title')}
      description={t('createCustomer.description')}
      submitLabel={busy ? t('createCustomer.saving') : t('createCustomer.submit')}
      busy={busy}
      error={error ? describeError(error, t) : null}
      onSubmit={submit}
    >
      <Field label={t('createCustomer.name')} invalid={faulty.has('name')}>
        {(props) => (
          <input
            {...props}
            className="input"
            value={name}
            maxLength={80}
            autoComplete="off"
            autoFocus
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('createCustomer.phone')} invalid={faulty.has('phone')}>
        {(props) => (
          <input {...props} className="input" value={phone} inputMode="tel" autoComplete="off" onChange={(e) => setPhone(e.target.value)} />
        )}
      </Field>
      <TierChoice value={tier} onChange={setTier} />
    </FormDialog>
  );
}
