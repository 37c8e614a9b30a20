import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseView } from '../../../../shared';
import { useClient } from '../../state/client-context';
import { useIncidentChanges } from '../../state/use-incident-changes';

export type CaseViewState = { status: 'loading' } | { status: 'ready'; view: CaseView } | { status: 'failed'; error: unknown };

/**
 * One case in full, read when it is opened and again whenever `refreshKey` moves (the desk heard a
 * change for this customer) or an incident changes. `reload` hands back the fresh view, for a form
 * that must compare it with what it was editing.
 */
export function useCaseView(caseId: string | null, refreshKey: number): { state: CaseViewState; reload(): Promise<CaseView | null> } {
  const client = useClient();
  const [state, setState] = useState<CaseViewState>({ status: 'loading' });
  const asked = useRef(0);

  const reload = useCallback(async (): Promise<CaseView | null> => {
    if (!caseId) return null;
    const request = ++asked.current;
    try {
      const view = await client.call('cases.get', { id: caseId });
      if (request === asked.current) setState({ status: 'ready', view });
      return view;
    } catch (error) {
      if (request === asked.current) setState({ status: 'failed', error });
      return null;
    }
  }, [client, caseId]);

  // Another case: start from "loading" rather than show the last one's notes under the new title.
  useEffect(() => {
    setState((current) => (current.status === 'ready' && current.view.id === caseId ? current : { status: 'loading' }));
  }, [caseId]);

  useEffect(() => {
    void reload();
  }, [reload, refreshKey]);

  useIncidentChanges(() => void reload());

  return { state, reload };
}
