/** The list of keyboard shortcuts (`?`). */
export { ShortcutsDialog } from './ShortcutsDialog';
