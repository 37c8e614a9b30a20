import { useEffect, useState } from 'react';
import type { ProcedureOutput } from '../../../../shared';
import { useClient } from '../../state/client-context';

export type CaseDetailState = { status: 'loading' } | { status: 'ready'; detail: ProcedureOutput<'cases.get'> } | { status: 'failed'; error: unknown };

/** One case in full, read when it is opened (and again when `version` says it changed). */
export function useCaseDetail(caseId: string | null, version: number): CaseDetailState {
  const client = useClient();
  const [state, setState] = useState<CaseDetailState>({ status: 'loading' });
  useEffect(() => {
    if (!caseId) return;
    let live = true;
    setState((current) => (current.status === 'ready' && current.detail.id === caseId ? current : { status: 'loading' }));
    client
      .call('cases.get', { id: caseId })
      .then((detail) => live && setState({ status: 'ready', detail }))
      .catch((error: unknown) => live && setState({ status: 'failed', error }));
    return () => {
      live = false;
    };
  }, [client, caseId, version]);
  return state;
}
