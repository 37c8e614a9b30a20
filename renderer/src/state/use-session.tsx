import { createContext, type ReactNode, useCallback, useContext } from 'react';
import { ADMINS, type Agent, LEADS } from '../../../shared';
import { useProcedureQuery } from './queries';

export type SessionState = { status: 'loading' } | { status: 'ready'; agent: Agent } | { status: 'failed'; error: unknown };
export type Session = SessionState & { retry(): void };

function useSessionQuery(): Session {
  // Who is signed in does not change under a running desk: read once, never re-read by age.
  const { data, error, isError, refetch } = useProcedureQuery('session.me', {}, { staleTime: Infinity });
  const retry = useCallback(() => void refetch(), [refetch]);
  const state: SessionState = data ? { status: 'ready', agent: data } : isError ? { status: 'failed', error } : { status: 'loading' };
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

/** Administrators (the contract's ADMINS): accounts and policy. */
export function isAdmin(session: Session): boolean {
  return session.status === 'ready' && (ADMINS as readonly string[]).includes(session.agent.role);
}
