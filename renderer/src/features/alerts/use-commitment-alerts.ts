import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventPayload } from '../../../../shared';
import { useClient } from '../../state/client-context';
import { useSession } from '../../state/use-session';

export type CommitmentAlert = EventPayload<'alert'> & { key: string; mine: boolean };

/** More than this at once and the oldest give way: the case view lists every promise anyway. */
const KEEP = 4;

/**
 * Promises that fell due or broke, for this agent: their own (wherever the customer is) and those of
 * the customer on screen (whoever made them). Each stays until dismissed; the same alert twice shows
 * once, and a promise that broke replaces its own "due" alert.
 */
export function useCommitmentAlerts(openCustomerId: string | null): { alerts: CommitmentAlert[]; dismiss(key: string): void } {
  const client = useClient();
  const session = useSession();
  const me = session.status === 'ready' ? session.agent.id : null;
  const [alerts, setAlerts] = useState<CommitmentAlert[]>([]);
  const context = useRef({ me, openCustomerId });
  context.current = { me, openCustomerId };

  useEffect(
    () =>
      client.subscribe('alert', (alert) => {
        const mine = alert.ownerId === context.current.me;
        if (!mine && alert.customerId !== context.current.openCustomerId) return;
        const key = `${alert.kind}:${alert.commitmentId}`;
        setAlerts((current) => {
          if (current.some((a) => a.key === key)) return current;
          // Broken says more than due: the older word about the same promise gives way.
          const rest = alert.kind === 'commitment_broken' ? current.filter((a) => a.commitmentId !== alert.commitmentId) : current;
          return [...rest, { ...alert, key, mine }].slice(-KEEP);
        });
      }),
    [client],
  );

  const dismiss = useCallback((key: string) => setAlerts((current) => current.filter((a) => a.key !== key)), []);
  return { alerts, dismiss };
}
