/** Signing in to the browser host: the gate in front of the desk, the sign-in page, and sign-out in the top bar. */
import './sign-in.css';
export { chooseAuth } from './auth-api';
export { AuthGate } from './AuthGate';
export { SignOutButton } from './SignOutButton';
