import { useTranslation } from 'react-i18next';
import type { Decision } from '../../../../../shared';
import { DecisionItem } from './DecisionItem';

/** What was already decided on this case, newest first, so the next agent gives the same answer. */
export function DecisionList({ decisions }: { decisions: readonly Decision[] }) {
  const { t } = useTranslation();
  if (decisions.length === 0) return <p className="case-empty">{t('decision.none')}</p>;
  return (
    <ol className="decision-list">
      {decisions.map((d) => (
        <DecisionItem key={d.id} decision={d} />
      ))}
    </ol>
  );
}
