import { RadioGroup } from 'radix-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../shared';
import { describeError, fieldsAtFault } from '../../errors/describe-error';
import { formatPhone } from '../../format/phone';
import { useProcedureMutation } from '../../state/use-procedure-mutation';
import { Field } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { useGlobalSearch } from '../search';

interface AttachPhoneDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** The unknown number, in E.164. */
  phone: string;
  onAttached(customer: Customer, phone: string): void;
}

/**
 * A caller on a number nobody has may be a customer we know, on a new phone or a relative's: find
 * them by name or old number and add this number to them, instead of registering them twice.
 */
export function AttachPhoneDialog({ open, onOpenChange, phone, onAttached }: AttachPhoneDialogProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState('');
  const [label, setLabel] = useState('');
  const search = useGlobalSearch(query);
  const [unchosen, setUnchosen] = useState(false);
  const { busy, error, send } = useProcedureMutation('customers.addPhone');
  const faulty = fieldsAtFault(error);
  const found = search.status === 'ready' ? search.results.customers.map((c) => c.customer) : [];

  const submit = () => {
    setUnchosen(!chosen);
    if (!chosen) return;
    send({ customerId: chosen, phone, label }, (customer) => {
      onOpenChange(false);
      onAttached(customer, phone);
    });
  };

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('attachPhone.title')}
      description={t('attachPhone.description')}
      submitLabel={busy ? t('attachPhone.saving') : t('attachPhone.submit')}
      busy={busy}
      error={unchosen ? t('attachPhone.pick') : error ? describeError(error, t) : null}
      onSubmit={submit}
    >
      <p className="attach-number">{formatPhone(phone)}</p>
      <Field label={t('attachPhone.search')}>
        {(props) => (
          <input
            {...props}
            className="input"
            type="search"
            value={query}
            maxLength={200}
            autoComplete="off"
            autoFocus
            onChange={(e) => setQuery(e.target.value)}
          />
        )}
      </Field>
      {search.status === 'waiting' && <p className="muted">{t('attachPhone.searching')}</p>}
      {search.status === 'ready' && found.length === 0 && <p className="muted">{t('attachPhone.none')}</p>}
      {found.length > 0 && (
        <RadioGroup.Root
          className="attach-choices"
          aria-label={t('attachPhone.choose')}
          value={chosen}
          onValueChange={(id) => {
            setChosen(id);
            setUnchosen(false);
          }}
        >
          {found.map((customer) => (
            <RadioGroup.Item key={customer.id} value={customer.id} className="attach-choice" aria-invalid={unchosen || undefined}>
              <span className="attach-choice-name">{customer.name}</span>
              <span className="attach-choice-phones">{customer.phones.map((p) => formatPhone(p.e164)).join(' · ')}</span>
              <span className={`tier tier-${customer.tier}`}>{t(`tier.${customer.tier}`)}</span>
            </RadioGroup.Item>
          ))}
        </RadioGroup.Root>
      )}
      <Field label={t('attachPhone.label')} invalid={faulty.has('label')}>
        {(props) => (
          <input {...props} className="input" value={label} maxLength={20} autoComplete="off" onChange={(e) => setLabel(e.target.value)} />
        )}
      </Field>
    </FormDialog>
  );
}
