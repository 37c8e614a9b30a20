import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AgentBadge } from './AgentBadge';
import { ConnectionBadge } from './ConnectionBadge';
import { LanguageToggle } from './LanguageToggle';

export function TopBar({ search }: { search: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="topbar">
      <a className="skip-link" href="#desk">
        {t('app.skipToDesk')}
      </a>
      <span className="brand">
        <span className="brand-mark" aria-hidden="true">
          约
        </span>
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-latin">{t('app.latinName')}</span>
      </span>
      <div className="topbar-search">{search}</div>
      <div className="topbar-end">
        <ConnectionBadge />
        <AgentBadge />
        <LanguageToggle />
      </div>
    </header>
  );
}
