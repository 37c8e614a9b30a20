/** The desktop's lock: local profiles with a PIN in front of the desk, and the top bar's lock button. */
import './desk-lock.css';
export { AddProfileButton } from './AddProfileButton';
export { chooseDesk } from './desk-api';
export { useDeskLock } from './desk-lock-context';
export { DeskGate } from './DeskGate';
export { LockButton } from './LockButton';
