import { useCallback, useState } from 'react';
import type { CaseSummary, HistoryItem } from '../../../../shared';
import { useClient } from '../../state/client-context';
import { useMutationAttempt } from '../../state/use-mutation-attempt';

export type SaveState = { status: 'idle' } | { status: 'saving' } | { status: 'saved'; at: Date } | { status: 'failed'; error: unknown };

/** A plain note on the case, or the call itself (inbound or outbound) logged with the note as its text. */
export type EntryKind = 'note' | 'inbound' | 'outbound';
export const ENTRY_KINDS: readonly EntryKind[] = ['note', 'inbound', 'outbound'];

export interface SaveRequest {
  customerId: string;
  target: CaseSummary;
  body: string;
  kind: EntryKind;
}

/**
 * Saves what the agent wrote and reports honestly: "saved" only once the host has acknowledged the
 * write, and the entry handed back is the host's. Sending the same thing again after a failure reuses
 * the mutation id, so if the first attempt did land, the retry cannot file it twice.
 */
export function useSaveNote(): { state: SaveState; save(request: SaveRequest): Promise<HistoryItem | null>; reset(): void } {
  const client = useClient();
  const attempt = useMutationAttempt();
  const [state, setState] = useState<SaveState>({ status: 'idle' });

  const save = useCallback(
    async ({ customerId, target, body, kind }: SaveRequest): Promise<HistoryItem | null> => {
      setState({ status: 'saving' });
      const mutationId = attempt.idFor(JSON.stringify([customerId, target.id, kind, body]));
      try {
        let item: HistoryItem;
        if (kind === 'note') {
          const note = await client.call('notes.add', { caseId: target.id, body }, { mutationId });
          item = { kind: 'note', at: note.createdAt, note, case: { id: target.id, number: target.number, title: target.title } };
        } else {
          const contact = await client.call(
            'contacts.log',
            { customerId, caseIds: [target.id], channel: 'phone', direction: kind, note: body },
            { mutationId },
          );
          item = { kind: 'contact', at: contact.startedAt, contact };
        }
        attempt.succeeded();
        setState({ status: 'saved', at: new Date() });
        return item;
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
