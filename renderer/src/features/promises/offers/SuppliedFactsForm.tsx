import { Checkbox } from 'radix-ui';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyFacts, SuppliedFacts } from '../../../../../shared';
import { parseAmount } from '../commitments/parse-amount';

interface SuppliedFactsFormProps {
  /** The facts of the last answer: what the system derived (or was told) so far. */
  facts: PolicyFacts;
  supplied: SuppliedFacts;
  busy: boolean;
  onEvaluate(supplied: SuppliedFacts): void;
}

/**
 * What only the customer can tell: the voucher's value and the prepaid amount when no promotion is
 * on record, and whether they mentioned the regulator. Filled in, the engine is asked again.
 */
export function SuppliedFactsForm({ facts, supplied, busy, onEvaluate }: SuppliedFactsFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [voucher, setVoucher] = useState(supplied.voucherValue === undefined ? '' : String(supplied.voucherValue));
  const [prepaid, setPrepaid] = useState(supplied.prepaidAmount === undefined ? '' : String(supplied.prepaidAmount));
  const [regulator, setRegulator] = useState(supplied.regulatorMentioned === true);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const voucherValue = parseAmount(voucher);
    const prepaidAmount = parseAmount(prepaid);
    onEvaluate({
      ...(voucherValue === null ? {} : { voucherValue }),
      ...(prepaidAmount === null ? {} : { prepaidAmount }),
      ...(regulator ? { regulatorMentioned: true } : {}),
    });
  };

  return (
    <form className="supplied-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="supplied-title">
        {t('policy.supplied.heading')} <span className="supplied-hint">{t('policy.supplied.hint')}</span>
      </h3>
      <div className="supplied-fields">
        <label className="supplied-field">
          <span className="field-label">{t('policy.supplied.voucherValue')}</span>
          <input
            className="input input-amount"
            type="number"
            min={0}
            step={1}
            value={voucher}
            placeholder={String(facts.voucherValue)}
            onChange={(e) => setVoucher(e.target.value)}
          />
        </label>
        <label className="supplied-field">
          <span className="field-label">{t('policy.supplied.prepaidAmount')}</span>
          <input
            className="input input-amount"
            type="number"
            min={0}
            step={1}
            value={prepaid}
            placeholder={String(facts.prepaidAmount)}
            onChange={(e) => setPrepaid(e.target.value)}
          />
        </label>
        <div className="supplied-check">
          <Checkbox.Root
            id={`${id}-regulator`}
            className="checkbox"
            checked={regulator}
            onCheckedChange={(value) => setRegulator(value === true)}
          >
            <Checkbox.Indicator className="checkbox-mark">✓</Checkbox.Indicator>
          </Checkbox.Root>
          <label htmlFor={`${id}-regulator`}>{t('policy.supplied.regulatorMentioned')}</label>
          {facts.regulatorMentioned && !regulator && <span className="supplied-derived">{t('policy.supplied.regulatorDerived')}</span>}
        </div>
        <button type="submit" className="button button-small" disabled={busy} aria-busy={busy}>
          {busy ? t('policy.evaluating') : t('policy.evaluate')}
        </button>
      </div>
    </form>
  );
}
