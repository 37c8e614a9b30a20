import { useCallback, useEffect, useRef, useState } from 'react';
import type { Escalation } from '../../../../shared';
import { useClient } from '../../state/client-context';

/** A case's escalations and approval requests, newest first; read again whenever `refreshKey` moves. */
export function useCaseEscalations(caseId: string, refreshKey: number): { escalations: Escalation[]; reload(): void } {
  const client = useClient();
  const [escalations, setEscalations] = useState<Escalation[]>([]);
  const asked = useRef(0);
  const reload = useCallback(() => {
    const request = ++asked.current;
    client
      .call('escalations.list', { caseId })
      .then((list) => request === asked.current && setEscalations(list))
      .catch(() => {
        // The offers still stand without them; the next change or reload tries again.
      });
  }, [client, caseId]);
  useEffect(reload, [reload, refreshKey]);
  return { escalations, reload };
}
