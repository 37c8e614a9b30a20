/** Sync conflicts for supervisors: the open ones the team server kept apart from desks' pushes (`conflicts.list`). */
import './conflicts.css';
export { SyncConflicts } from './SyncConflicts';
