import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useClient } from '../../state/client-context';
import { keyParts } from '../../state/queries';

/**
 * A bundle published by anyone, on any server instance (the `policy` change): every policy read on
 * screen is read again, so the version in force, the history and the draft's base stay true.
 */
export function usePolicyChanges(): void {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.subscribe('changed', (change) => {
        if (change.entity === 'policy')
          void queryClient.invalidateQueries({ predicate: (query) => keyParts(query.queryKey)?.name.startsWith('policy.') ?? false });
      }),
    [client, queryClient],
  );
}
