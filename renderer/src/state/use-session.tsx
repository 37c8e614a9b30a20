import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { type Agent, LEADS } from '../../../shared';
import { useClient } from './client-context';

export type SessionState = { status: 'loading' } | { status: 'ready'; agent: Agent } | { status: 'failed'; error: unknown };
export type Session = SessionState & { retry(): void };

function useSessionQuery(): Session {
  const client = useClient();
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    client
      .call('session.me', {})
      .then((agent) => live && setState({ status: 'ready', agent }))
      .catch((error: unknown) => live && setState({ status: 'failed', error }));
    return () => {
      live = false;
    };
  }, [client, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}

const SessionContext = createContext<Session | null>(null);

/** Reads who is signed in once for the whole desk; the badge and role-gated screens share it. */
export function SessionProvider({ children }: { children: ReactNode }) {
  return <SessionContext.Provider value={useSessionQuery()}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider above it');
  return session;
}

/** Supervisors, the complaint centre and administrators (the contract's LEADS) decide escalated work and record incidents. */
export function isLead(session: Session): boolean {
  return session.status === 'ready' && (LEADS as readonly string[]).includes(session.agent.role);
}
