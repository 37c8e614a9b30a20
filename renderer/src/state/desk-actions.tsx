import { createContext, type ReactNode, useContext } from 'react';
import type { Contact, Note } from '../../../shared';

/** Where a note stands with respect to the brief: pinned already, being pinned, or failed to pin. */
export type PinStatus = { status: 'pinned' } | { status: 'pinning' } | { status: 'failed'; message: string } | { status: 'none' };

/**
 * What an entry in the history (or in a case view) can ask the open customer's desk to do. Kept in
 * a context so the virtualized rows need no chain of props.
 */
export interface DeskActions {
  pinStatus(noteId: string): PinStatus;
  pinNote(note: Note): void;
  /** False when every case of the customer is already linked to this contact. */
  canLink(contact: Contact): boolean;
  linkContact(contact: Contact): void;
  openCase(caseId: string): void;
}

const DeskActionsContext = createContext<DeskActions | null>(null);

export function DeskActionsProvider({ value, children }: { value: DeskActions; children: ReactNode }) {
  return <DeskActionsContext.Provider value={value}>{children}</DeskActionsContext.Provider>;
}

/** Null outside an open customer (nothing to pin to), so entries can leave their actions out. */
export function useDeskActions(): DeskActions | null {
  return useContext(DeskActionsContext);
}
