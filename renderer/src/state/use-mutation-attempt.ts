import { useCallback, useRef } from 'react';
import { newId } from '../../../shared';

/**
 * The mutation id for an action. Trying the same thing again (same fingerprint) after a failure
 * reuses the id, so a write that did land before the connection dropped is never applied twice.
 * Anything different, or anything after a success, gets a fresh id.
 */
export function useMutationAttempt(): { idFor(fingerprint: string): string; succeeded(): void } {
  const last = useRef<{ fingerprint: string; id: string } | null>(null);

  const idFor = useCallback((fingerprint: string) => {
    if (last.current?.fingerprint === fingerprint) return last.current.id;
    const id = newId();
    last.current = { fingerprint, id };
    return id;
  }, []);

  const succeeded = useCallback(() => {
    last.current = null;
  }, []);

  return { idFor, succeeded };
}
