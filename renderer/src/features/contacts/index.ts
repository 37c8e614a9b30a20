/** Calls: linking a logged call to more cases. */
export { LinkContactDialog } from './LinkContactDialog';
