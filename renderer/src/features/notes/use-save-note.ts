import { useCallback, useState } from 'react';
import type { Note } from '../../../../shared';
import { useClient } from '../../state/client-context';
import { useMutationAttempt } from '../../state/use-mutation-attempt';

export type SaveState = { status: 'idle' } | { status: 'saving' } | { status: 'saved'; at: Date } | { status: 'failed'; error: unknown };

/**
 * Saves a note and reports honestly: "saved" only once the host has acknowledged the write.
 * Saving the same text to the same case after a failure reuses the mutation id, so if the first
 * attempt did land, the retry cannot file the note twice.
 */
export function useSaveNote(): { state: SaveState; save(caseId: string, body: string): Promise<Note | null>; reset(): void } {
  const client = useClient();
  const attempt = useMutationAttempt();
  const [state, setState] = useState<SaveState>({ status: 'idle' });

  const save = useCallback(
    async (caseId: string, body: string) => {
      setState({ status: 'saving' });
      try {
        const note = await client.call('notes.add', { caseId, body }, { mutationId: attempt.idFor(`${caseId}\n${body}`) });
        attempt.succeeded();
        setState({ status: 'saved', at: new Date() });
        return note;
      } catch (error) {
        setState({ status: 'failed', error });
        return null;
      }
    },
    [client, attempt],
  );

  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, save, reset };
}
