/** The customer's whole history, virtualized, and the pin button an entry (or a case view's note) shows. */
import './timeline.css';
export { PinNoteButton } from './PinNoteButton';
export { Timeline } from './Timeline';
