import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, Tier } from '../../../../shared';
import { describeError, fieldsAtFault } from '../../errors/describe-error';
import { formatPhone } from '../../format/phone';
import { useProcedureMutation } from '../../state/use-procedure-mutation';
import { Field } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { TierChoice } from './TierChoice';

interface CustomerRecordDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  customer: Customer;
  /** The record as the host now has it, after any change made here. */
  onChanged(customer: Customer): void;
}

/**
 * The customer's record: name and tier, saved against the version on screen (someone else's
 * change first is a conflict, never overwritten), and the numbers they call from, each added or
 * removed at once. The last number cannot go: without it no call would find them.
 */
export function CustomerRecordDialog({ open, onOpenChange, customer, onChanged }: CustomerRecordDialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(customer.name);
  const [tier, setTier] = useState<Tier>(customer.tier);
  // The version the agent started from. The record on screen follows live changes, so someone
  // else's save while this is open must not quietly become the base of this one.
  const [baseVersion, setBaseVersion] = useState(customer.version);
  const [newPhone, setNewPhone] = useState('');
  const [newLabel, setNewLabel] = useState('');
  const update = useProcedureMutation('customers.update');
  const add = useProcedureMutation('customers.addPhone');
  const remove = useProcedureMutation('customers.removePhone');

  // Each opening starts from the record as it is now; a number added while open does not reset the name being typed.
  useEffect(() => {
    if (!open) return;
    setName(customer.name);
    setTier(customer.tier);
    setBaseVersion(customer.version);
    setNewPhone('');
    setNewLabel('');
    for (const call of [update, add, remove]) call.setError(null);
  }, [open]);

  const submit = () => {
    const changed = { ...(name.trim() !== customer.name ? { name } : {}), ...(tier !== customer.tier ? { tier } : {}) };
    if (Object.keys(changed).length === 0) return onOpenChange(false);
    update.send({ id: customer.id, version: baseVersion, ...changed }, (saved) => {
      onChanged(saved);
      onOpenChange(false);
    });
  };
  // A number added or removed here is this agent's own change: the name and tier stay theirs to save.
  const phoneChanged = (saved: Customer) => {
    onChanged(saved);
    setBaseVersion(saved.version);
    // What went wrong before is no longer the last word about the numbers.
    add.setError(null);
    remove.setError(null);
  };
  const addPhone = () =>
    add.send({ customerId: customer.id, phone: newPhone, label: newLabel }, (saved) => {
      phoneChanged(saved);
      setNewPhone('');
      setNewLabel('');
    });

  const phoneError = add.error ?? remove.error;
  const addFaults = fieldsAtFault(add.error);
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('customerRecord.title')}
      description={t('customerRecord.description')}
      submitLabel={update.busy ? t('customerRecord.saving') : t('customerRecord.submit')}
      busy={update.busy}
      error={update.error ? describeError(update.error, t) : null}
      onSubmit={submit}
    >
      <Field label={t('createCustomer.name')} invalid={fieldsAtFault(update.error).has('name')}>
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
      <TierChoice value={tier} onChange={setTier} />
      <fieldset className="field record-phones">
        <legend className="field-label">{t('customerRecord.phones')}</legend>
        <ul className="record-phone-list">
          {customer.phones.map((p) => (
            <li key={p.e164} className="record-phone" data-phone={p.e164}>
              <span className="record-phone-number">{formatPhone(p.e164)}</span>
              {p.label && <span className="muted">{p.label}</span>}
              <button
                type="button"
                className="icon-button"
                disabled={remove.busy || customer.phones.length <= 1}
                title={customer.phones.length <= 1 ? t('issue.last_phone') : undefined}
                aria-label={t('customerRecord.remove', { phone: formatPhone(p.e164) })}
                onClick={() => remove.send({ customerId: customer.id, phone: p.e164 }, phoneChanged)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="record-phone-add">
          <Field label={t('customerRecord.newPhone')} invalid={addFaults.has('phone')}>
            {(props) => (
              <input
                {...props}
                className="input"
                value={newPhone}
                inputMode="tel"
                autoComplete="off"
                onChange={(e) => setNewPhone(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('customerRecord.newLabel')} invalid={addFaults.has('label')}>
            {(props) => (
              <input
                {...props}
                className="input"
                value={newLabel}
                maxLength={20}
                autoComplete="off"
                onChange={(e) => setNewLabel(e.target.value)}
              />
            )}
          </Field>
          <button type="button" className="button" disabled={add.busy || newPhone.trim() === ''} onClick={addPhone}>
            {add.busy ? t('customerRecord.adding') : t('customerRecord.add')}
          </button>
        </div>
        {phoneError !== null && (
          <p className="form-error" role="alert">
            {describeError(phoneError, t)}
          </p>
        )}
      </fieldset>
    </FormDialog>
  );
}
