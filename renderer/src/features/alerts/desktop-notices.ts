import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDayTime } from '../../format/date-time';
import type { CommitmentAlert } from './use-commitment-alerts';

export type NoticePermission = NotificationPermission | 'unsupported';

/** The system's notification centre, as the page sees it: the browser's, or Electron's behind it. */
function systemNotification(): typeof Notification | undefined {
  return typeof window !== 'undefined' && 'Notification' in window ? window.Notification : undefined;
}

export function noticePermission(): NoticePermission {
  return systemNotification()?.permission ?? 'unsupported';
}

/** The agent is looking at the console: the page is shown and has the focus (not the softphone, not mail). */
function consoleInView(): boolean {
  return document.visibilityState === 'visible' && document.hasFocus();
}

/**
 * An agent's own promise that falls due or breaks is worth a word outside the console too: agents
 * spend much of a call in the softphone or another tool, and a toast in a window behind them is
 * not seen. Only their own promises, only when the console is not in view (the toast says it
 * then), and only once per alert; clicking the notice brings the console up on the case.
 */
export function useDesktopNotices(alerts: readonly CommitmentAlert[], onOpen: (alert: CommitmentAlert) => void): void {
  const { t, i18n } = useTranslation();
  const told = useRef(new Set<string>());
  const open = useRef(onOpen);
  open.current = onOpen;

  useEffect(() => {
    const System = systemNotification();
    for (const alert of alerts) {
      if (told.current.has(alert.key)) continue;
      told.current.add(alert.key);
      if (!System || System.permission !== 'granted' || !alert.mine || consoleInView()) continue;
      const kind = alert.kind === 'commitment_broken' ? 'broken' : 'due';
      const notice = new System(t(`alert.notice.${kind}`), {
        body: t(`alert.${kind}.mine`, { wording: alert.wording, when: formatDayTime(alert.dueAt, i18n.language) }),
        // One notice per promise: "broken" replaces its own "due" in the notification centre.
        tag: `kept-commitment-${alert.commitmentId}`,
        lang: i18n.language,
      });
      notice.onclick = () => {
        window.focus();
        notice.close();
        open.current(alert);
      };
    }
  }, [alerts, t, i18n.language]);
}

/** The page's notification permission, and a way to ask for it (browsers ask only on a click). */
export function useNoticePermission(): { permission: NoticePermission; ask(): void } {
  const [permission, setPermission] = useState<NoticePermission>(noticePermission);
  const ask = () => {
    const System = systemNotification();
    if (!System) return;
    void System.requestPermission().then(setPermission, () => setPermission(noticePermission()));
  };
  return { permission, ask };
}
