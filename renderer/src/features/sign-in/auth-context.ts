import { createContext, useContext } from 'react';

export interface AuthControls {
  /** False in the desktop: it has a local actor and no sign-in. */
  canSignOut: boolean;
  signOut(): void;
}

export const AuthContext = createContext<AuthControls>({ canSignOut: false, signOut: () => undefined });

export function useAuth(): AuthControls {
  return useContext(AuthContext);
}
