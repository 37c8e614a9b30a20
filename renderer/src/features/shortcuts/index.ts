/** The list of keyboard shortcuts (`?`). */
import './shortcuts.css';
export { ShortcutsDialog } from './ShortcutsDialog';
