import { createContext, type ReactNode, useCallback, useContext } from 'react';
import type { Agent } from '../../../shared';
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

/** Supervisors and administrators may record and end known incidents; agents may only read them. */
export function isLead(session: Session): boolean {
  return session.status === 'ready' && (session.agent.role === 'supervisor' || session.agent.role === 'admin');
}
