import { useCallback } from 'react';
import type { CaseView } from '../../../../shared';
import { useProcedureQuery } from '../../state/queries';

export type CaseViewState = { status: 'loading' } | { status: 'ready'; view: CaseView } | { status: 'failed'; error: unknown };

/**
 * One case in full (`cases.get`), read when it is opened and again whenever a change to the customer
 * or to known incidents invalidates it. Another case starts from "loading" (its own key) rather than
 * show the last one's notes under the new title. `reload` hands back the fresh view, for a form that
 * must compare it with what it was editing.
 */
export function useCaseView(caseId: string | null): { state: CaseViewState; reload(): Promise<CaseView | null> } {
  const { data, error, isError, refetch } = useProcedureQuery('cases.get', caseId ? { id: caseId } : null, { staleTime: 0 });
  const reload = useCallback(async (): Promise<CaseView | null> => {
    if (!caseId) return null;
    const result = await refetch();
    return result.isError ? null : (result.data ?? null);
  }, [caseId, refetch]);
  const state: CaseViewState = isError ? { status: 'failed', error } : data ? { status: 'ready', view: data } : { status: 'loading' };
  return { state, reload };
}
