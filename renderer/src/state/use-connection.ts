import { useSyncExternalStore } from 'react';
import type { ConnectionState } from '../api';
import { useClient } from './client-context';

export function useConnection(): ConnectionState {
  const client = useClient();
  return useSyncExternalStore(
    (notify) => client.onConnectionChange(notify),
    () => client.connectionState(),
  );
}
