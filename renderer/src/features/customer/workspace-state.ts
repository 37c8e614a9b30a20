import type { Contact } from '../../../../shared';
import type { PinStatus } from '../../state/desk-actions';
import type { CaseTab } from '../cases';
import type { CommitmentRequest } from '../promises';

/** A case (and perhaps one of its notes) to bring up once the customer is open, e.g. chosen in search. */
export interface FocusRequest {
  customerId: string;
  caseId: string;
  noteId: string | null;
  /** Tells two requests for the same case apart, so choosing it again opens it again. */
  nonce: number;
  /** The tab to open on: notes unless said otherwise (an alert opens the case's promises). */
  tab?: CaseTab;
}

/** The one form dialog open over the workspace, if any (they are modal: never two at once). */
export type WorkspaceDialog =
  | { kind: 'record' }
  | { kind: 'create-case' }
  | { kind: 'pin-fact' }
  | { kind: 'link-contact'; contact: Contact }
  | { kind: 'commitment'; request: CommitmentRequest };

/** Everything the open customer's desk remembers beyond what the host said. */
export interface WorkspaceState {
  /** The case the note box files under, as the agent chose it; null: the default case. */
  chosenCaseId: string | null;
  /** The drafts were looked at once (the note box went back to the case last written on, if any). */
  draftChoiceMade: boolean;
  /** The case open in full, on which tab; `openCount` moves with each opening so it opens on that tab again. */
  caseView: { caseId: string | null; tab: CaseTab; openCount: number; foundNoteId: string | null };
  dialog: WorkspaceDialog | null;
  /** Notes being pinned, or that failed to pin. */
  pins: ReadonlyMap<string, PinStatus>;
  /** The last focus request handled, so one request is acted on once. */
  handledFocus: number | null;
  /** Counts commitment requests, so each is told apart. */
  requests: number;
}

export type WorkspaceAction =
  | { type: 'choose-case'; caseId: string }
  | { type: 'drafts-known'; latestDraftCaseId: string | null }
  | { type: 'open-case'; caseId: string; tab?: CaseTab }
  | { type: 'close-case' }
  | { type: 'focus'; request: FocusRequest; caseExists: boolean }
  | { type: 'open-dialog'; dialog: Exclude<WorkspaceDialog, { kind: 'commitment' }> }
  | { type: 'start-commitment'; caseId: string; start: CommitmentRequest['start'] }
  | { type: 'close-dialog' }
  | { type: 'pin'; noteId: string; status: PinStatus | null };

export const initialWorkspace: WorkspaceState = {
  chosenCaseId: null,
  draftChoiceMade: false,
  caseView: { caseId: null, tab: 'notes', openCount: 0, foundNoteId: null },
  dialog: null,
  pins: new Map(),
  handledFocus: null,
  requests: 0,
};

export function workspaceReducer(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  switch (action.type) {
    case 'choose-case':
      return state.chosenCaseId === action.caseId ? state : { ...state, chosenCaseId: action.caseId };
    case 'drafts-known':
      // Back after a reload or a crash: the note box returns to the case the agent was last writing on,
      // unless they have chosen one already.
      if (state.draftChoiceMade) return state;
      return {
        ...state,
        draftChoiceMade: true,
        chosenCaseId: state.chosenCaseId ?? action.latestDraftCaseId,
      };
    case 'open-case':
      return {
        ...state,
        caseView: { caseId: action.caseId, tab: action.tab ?? 'notes', openCount: state.caseView.openCount + 1, foundNoteId: null },
      };
    case 'close-case':
      return { ...state, caseView: { ...state.caseView, caseId: null } };
    case 'focus': {
      // A case chosen in search: file notes under it and open it, with the note that was found marked.
      if (state.handledFocus === action.request.nonce) return state;
      const handled = { ...state, handledFocus: action.request.nonce };
      if (!action.caseExists) return handled;
      const { caseId, noteId, tab } = action.request;
      return {
        ...handled,
        chosenCaseId: caseId,
        caseView: { caseId, tab: tab ?? 'notes', openCount: state.caseView.openCount + 1, foundNoteId: noteId },
      };
    }
    case 'open-dialog':
      return { ...state, dialog: action.dialog };
    case 'start-commitment': {
      const requests = state.requests + 1;
      return {
        ...state,
        requests,
        dialog: { kind: 'commitment', request: { caseId: action.caseId, start: action.start, nonce: requests } },
      };
    }
    case 'close-dialog':
      return state.dialog === null ? state : { ...state, dialog: null };
    case 'pin': {
      const pins = new Map(state.pins);
      if (action.status) pins.set(action.noteId, action.status);
      else pins.delete(action.noteId);
      return { ...state, pins };
    }
  }
}
