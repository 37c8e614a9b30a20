import './top-bar.css';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountsButton } from '../features/accounts';
import { EscalationsButton } from '../features/promises';
import { IncidentsButton } from '../features/incidents';
import { AddProfileButton, LockButton } from '../features/desk-lock';
import { TeamServerButton } from '../features/desk-sync';
import { SignOutButton } from '../features/sign-in';
import { SHORTCUTS } from '../state/shortcuts';
import { Kbd } from '../ui/Kbd';
import { AgentBadge } from './AgentBadge';
import { ConnectionBadge } from './ConnectionBadge';
import { DesktopNoticeToggle } from './DesktopNoticeToggle';
import { LanguageToggle } from './LanguageToggle';

interface TopBarProps {
  search: ReactNode;
  /** The links between the frame's screens (desk, queue, dashboard, reviews). */
  nav?: ReactNode;
  onShowShortcuts(): void;
  /** Opens a case of any customer where its promises and requests are listed. */
  onOpenCase(customerId: string, caseId: string): void;
}

export function TopBar({ search, nav, onShowShortcuts, onOpenCase }: TopBarProps) {
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
      {nav}
      <div className="topbar-search">{search}</div>
      <div className="topbar-end">
        <EscalationsButton onOpenCase={onOpenCase} />
        <AccountsButton />
        <IncidentsButton />
        <DesktopNoticeToggle />
        <ConnectionBadge />
        <AgentBadge />
        <SignOutButton />
        <AddProfileButton />
        <TeamServerButton />
        <LockButton />
        <LanguageToggle />
        <button type="button" className="icon-button" onClick={onShowShortcuts} aria-keyshortcuts="?" title={t('shortcuts.title')}>
          <Kbd keys={SHORTCUTS.help.keys} />
          <span className="visually-hidden">{t('shortcuts.title')}</span>
        </button>
      </div>
    </header>
  );
}
