/** The note box, its host-kept drafts, and which cases hold a draft. */
import './notes.css';
export { NoteComposer } from './NoteComposer';
export { type CaseDrafts, latestDraftCase, useCaseDrafts } from './use-case-drafts';
