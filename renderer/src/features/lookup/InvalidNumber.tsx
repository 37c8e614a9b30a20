import { useTranslation } from 'react-i18next';
import { LookupNotice } from './LookupNotice';

export const INVALID_NUMBER_ID = 'invalid-number';

export function InvalidNumber({ raw }: { raw: string }) {
  const { t } = useTranslation();
  return (
    <LookupNotice id={INVALID_NUMBER_ID} tone="warning" title={t('issue.phone_invalid')}>
      <p className="notice-body notice-quote">{raw}</p>
    </LookupNotice>
  );
}
