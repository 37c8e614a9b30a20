export { setPassword } from './credentials';
export { hashPassword, passwordProblem, SCRYPT_PARAMS, verifyPassword } from './passwords';
export { mutations } from './mutations';
export { procedures } from './procedures';
export { getAccount, listAccounts } from './read';
export {
  lockOutOf,
  purgeEndedSessions,
  resolveSession,
  type ResolvedSession,
  revokeAllSessions,
  signIn,
  type SignInResult,
  signOut,
  tokenHash,
} from './sessions';
export { ACCOUNT_RULES } from './settings';
export {
  type DeskAccess,
  deskFamilyActive,
  type DeskTokenResult,
  type DeskTokens,
  refreshDeskTokens,
  resolveDeskAccess,
  signInDesk,
  signOutDesk,
} from './desk-tokens';
export { DEMO_PASSWORD, DEMO_TEAMS, seedDemoAccounts } from './demo';
export {
  adoptServerPerson,
  createDeskProfile,
  currentDeskPerson,
  currentDeskProfile,
  listDeskProfiles,
  PIN_ALGORITHM,
  unlockDeskProfile,
  type UnlockResult,
} from './desk-profiles';
