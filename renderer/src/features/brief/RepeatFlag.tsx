import { useTranslation } from 'react-i18next';
import type { RepeatLevel } from '../../../../shared';

/**
 * 2+ inbound contacts about one open case in 7 days is a repeat; 3+ a strong one. The strong flag
 * is solid red with a warning sign: this customer has told the story too many times already.
 */
export function RepeatFlag({ level, count }: { level: RepeatLevel; count: number }) {
  const { t } = useTranslation();
  if (level === 'none') return null;
  return (
    <span className={`repeat-flag repeat-flag-${level}`} data-repeat={level} title={t('brief.repeatHint', { count })}>
      {level === 'strong' && (
        <span className="repeat-flag-icon" aria-hidden="true">
          ⚠
        </span>
      )}
      {t(`brief.repeat.${level}`, { count })}
    </span>
  );
}
