import { useTranslation } from 'react-i18next';
import type { AgentRef, CaseSummary } from '../../../../shared';
import { AgentName, CaseChips, When } from '../../ui/EntryParts';

export function CaseOpenedEntry({
  opened,
  openedBy,
  at,
  onSelectCase,
}: {
  opened: CaseSummary;
  openedBy: AgentRef;
  at: string;
  onSelectCase(caseId: string): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="entry-head">
        <span className="entry-kind entry-kind-case">{t('timeline.caseOpened')}</span>
        <When at={at} />
        <AgentName agent={openedBy} />
        <CaseChips cases={[opened]} onSelect={onSelectCase} />
      </div>
      <p className="entry-text entry-case-title">
        {opened.title}
        <span className="entry-case-meta">
          {t(`category.${opened.category}`)} · {t(`priority.${opened.priority}`)}
        </span>
      </p>
    </>
  );
}
