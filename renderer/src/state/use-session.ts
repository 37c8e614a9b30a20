import { useCallback, useEffect, useState } from 'react';
import type { Agent } from '../../../shared';
import { useClient } from './client-context';

export type SessionState = { status: 'loading' } | { status: 'ready'; agent: Agent } | { status: 'failed'; error: unknown };

export function useSession(): SessionState & { retry(): void } {
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
