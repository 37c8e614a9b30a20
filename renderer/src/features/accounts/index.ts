/** The administrator's accounts screen (who may sign in, as what), opened from the top bar. */
import './accounts.css';
export { AccountsButton } from './AccountsButton';
