import { RadioGroup } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import { Tier } from '../../../../shared';

/** The customer's tier as one choice of four, labelled, for the forms that set it. */
export function TierChoice({ value, onChange }: { value: Tier; onChange(tier: Tier): void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="field">
      <legend className="field-label">{t('createCustomer.tier')}</legend>
      <RadioGroup.Root
        className="segmented"
        aria-label={t('createCustomer.tier')}
        value={value}
        onValueChange={(v) => onChange(Tier.parse(v))}
        orientation="horizontal"
      >
        {Tier.options.map((option) => (
          <RadioGroup.Item key={option} value={option} className="segmented-item">
            {t(`tier.${option}`)}
          </RadioGroup.Item>
        ))}
      </RadioGroup.Root>
    </fieldset>
  );
}
