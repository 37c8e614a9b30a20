import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared';
import {
  type FocusRequest,
  initialWorkspace,
  type WorkspaceAction,
  workspaceReducer,
  type WorkspaceState,
} from '../../../renderer/src/features/customer/workspace-state';

const run = (...actions: WorkspaceAction[]): WorkspaceState => actions.reduce(workspaceReducer, initialWorkspace);
const focus = (nonce: number, over: Partial<FocusRequest> = {}): FocusRequest => ({
  customerId: 'cu1',
  caseId: 'case-2',
  noteId: 'note-9',
  nonce,
  ...over,
});

describe('the workspace reducer', () => {
  it('starts with nothing chosen, nothing open', () => {
    expect(initialWorkspace.chosenCaseId).toBeNull();
    expect(initialWorkspace.dialog).toBeNull();
    expect(initialWorkspace.caseView.caseId).toBeNull();
  });

  it('returns the note box to the case written on last, once, and never over the agent’s own choice', () => {
    expect(run({ type: 'drafts-known', latestDraftCaseId: 'case-1' }).chosenCaseId).toBe('case-1');
    expect(run({ type: 'choose-case', caseId: 'case-3' }, { type: 'drafts-known', latestDraftCaseId: 'case-1' }).chosenCaseId).toBe(
      'case-3',
    );
    const once = run({ type: 'drafts-known', latestDraftCaseId: 'case-1' }, { type: 'choose-case', caseId: 'case-3' });
    expect(workspaceReducer(once, { type: 'drafts-known', latestDraftCaseId: 'case-1' }).chosenCaseId).toBe('case-3');
    expect(run({ type: 'drafts-known', latestDraftCaseId: null }).chosenCaseId).toBeNull();
  });

  it('opens a case on the notes tab unless told otherwise, and each opening counts', () => {
    const first = run({ type: 'open-case', caseId: 'case-1' });
    expect(first.caseView).toEqual({ caseId: 'case-1', tab: 'notes', openCount: 1, foundNoteId: null });
    const again = workspaceReducer(first, { type: 'open-case', caseId: 'case-1', tab: 'promises' });
    expect(again.caseView).toMatchObject({ caseId: 'case-1', tab: 'promises', openCount: 2 });
    expect(workspaceReducer(again, { type: 'close-case' }).caseView).toMatchObject({ caseId: null, openCount: 2 });
  });

  it('brings a case found in search up once per request: chosen for the note, opened, the note marked', () => {
    const state = run({ type: 'focus', request: focus(1), caseExists: true });
    expect(state.chosenCaseId).toBe('case-2');
    expect(state.caseView).toEqual({ caseId: 'case-2', tab: 'notes', openCount: 1, foundNoteId: 'note-9' });
    // The same request seen again (the customer re-read) changes nothing.
    expect(workspaceReducer(state, { type: 'focus', request: focus(1), caseExists: true })).toBe(state);
    // A new request for the same case opens it again, on the tab it names.
    const alert = workspaceReducer(state, { type: 'focus', request: focus(2, { noteId: null, tab: 'promises' }), caseExists: true });
    expect(alert.caseView).toEqual({ caseId: 'case-2', tab: 'promises', openCount: 2, foundNoteId: null });
  });

  it('marks a request for a case the customer does not have as handled, and opens nothing', () => {
    const state = run({ type: 'focus', request: focus(1), caseExists: false });
    expect(state.handledFocus).toBe(1);
    expect(state.caseView.caseId).toBeNull();
    expect(state.chosenCaseId).toBeNull();
  });

  it('keeps one dialog open at a time; each commitment request is told apart', () => {
    const contact = { id: 'ct1', cases: [] } as unknown as Contact;
    let state = run({ type: 'open-dialog', dialog: { kind: 'link-contact', contact } });
    expect(state.dialog).toEqual({ kind: 'link-contact', contact });
    state = workspaceReducer(state, { type: 'start-commitment', caseId: 'case-1', start: 'offers' });
    expect(state.dialog).toEqual({ kind: 'commitment', request: { caseId: 'case-1', start: 'offers', nonce: 1 } });
    state = workspaceReducer(state, { type: 'start-commitment', caseId: 'case-1', start: 'offers' });
    expect(state.dialog).toEqual({ kind: 'commitment', request: { caseId: 'case-1', start: 'offers', nonce: 2 } });
    state = workspaceReducer(state, { type: 'close-dialog' });
    expect(state.dialog).toBeNull();
    expect(workspaceReducer(state, { type: 'close-dialog' })).toBe(state);
  });

  it('tracks each note being pinned until it is pinned or fails', () => {
    let state = run(
      { type: 'pin', noteId: 'n1', status: { status: 'pinning' } },
      { type: 'pin', noteId: 'n2', status: { status: 'pinning' } },
    );
    expect([...state.pins.keys()]).toEqual(['n1', 'n2']);
    state = workspaceReducer(state, { type: 'pin', noteId: 'n1', status: null });
    state = workspaceReducer(state, { type: 'pin', noteId: 'n2', status: { status: 'failed', message: 'offline' } });
    expect([...state.pins.entries()]).toEqual([['n2', { status: 'failed', message: 'offline' }]]);
    // The previous state is never changed in place.
    expect(initialWorkspace.pins.size).toBe(0);
  });

  it('does not change state when the same case is chosen again', () => {
    const state = run({ type: 'choose-case', caseId: 'case-1' });
    expect(workspaceReducer(state, { type: 'choose-case', caseId: 'case-1' })).toBe(state);
  });
});
