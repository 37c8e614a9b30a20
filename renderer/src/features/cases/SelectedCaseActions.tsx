import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared';
import { SHORTCUTS } from '../../state/shortcuts';
import { Kbd } from '../../ui/Kbd';

interface SelectedCaseActionsProps {
  target: CaseSummary | null;
  onOffers(): void;
  onCommit(): void;
}

/** What the agent may offer on the selected case, and a promise on it, one key away during the call. */
export function SelectedCaseActions({ target, onOffers, onCommit }: SelectedCaseActionsProps) {
  const { t } = useTranslation();
  if (!target) return null;
  return (
    <div className="case-actions" role="group" aria-label={t('caseActions.label', { number: target.number })}>
      <button type="button" className="button button-small case-actions-offers" onClick={onOffers} aria-keyshortcuts="Alt+F">
        {t('policy.title')} <Kbd keys={SHORTCUTS.offers.keys} />
      </button>
      <button type="button" className="button button-small" onClick={onCommit} aria-keyshortcuts="Alt+M">
        {t('commitments.add')} <Kbd keys={SHORTCUTS.commitment.keys} />
      </button>
      <span className="case-actions-target" title={target.title}>
        {target.number}
      </span>
    </div>
  );
}
