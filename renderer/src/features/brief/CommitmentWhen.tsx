import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../../../shared';
import { formatDayTime } from '../../format/date-time';
import { commitmentTiming } from '../../format/commitment-timing';

/** When a promise is (or was) due: relative to the host's clock, then the absolute time. Shared by cards and lines. */
export function CommitmentWhen({ commitment: c, now }: { commitment: Commitment; now: string }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <span className="commitment-timing">{commitmentTiming(c, now, t)}</span>
      <span className="commitment-due-at">
        <span className="visually-hidden">{t('commitments.dueAt')} </span>
        <time dateTime={c.dueAt}>{formatDayTime(c.dueAt, i18n.language)}</time>
      </span>
    </>
  );
}
