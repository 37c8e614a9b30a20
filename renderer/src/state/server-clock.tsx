import { createContext, type ReactNode, useContext, useMemo } from 'react';

/** "Now" as the host sees it. */
export type ServerNow = () => string;

const ServerClockContext = createContext<ServerNow>(() => new Date().toISOString());

/**
 * Due times are judged by the host's clock, not this desk's: a desk whose clock is off (or a host
 * whose clock a test moved) would otherwise say "due in 2 hours" about a promise the host already
 * calls overdue. The offset is taken from the last time the host stamped an answer.
 */
export function ServerClockProvider({ stampedAt, children }: { stampedAt: string | null; children: ReactNode }) {
  const now = useMemo<ServerNow>(() => {
    const offset = stampedAt ? Date.parse(stampedAt) - Date.now() : 0;
    return () => new Date(Date.now() + offset).toISOString();
  }, [stampedAt]);
  return <ServerClockContext.Provider value={now}>{children}</ServerClockContext.Provider>;
}

export function useServerNow(): ServerNow {
  return useContext(ServerClockContext);
}
