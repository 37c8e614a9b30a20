export {
  ACCOUNT_RULES,
  type DeskAccess,
  deskFamilyActive,
  type DeskTokenResult,
  type DeskTokens,
  refreshDeskTokens,
  resolveDeskAccess,
  signInDesk,
  signOutDesk,
  adoptServerPerson,
  createDeskProfile,
  currentDeskPerson,
  currentDeskProfile,
  listDeskProfiles,
  PIN_ALGORITHM,
  unlockDeskProfile,
  type UnlockResult,
  DEMO_TEAMS,
  getAccount,
  hashPassword,
  listAccounts,
  lockOutOf,
  passwordProblem,
  purgeEndedSessions,
  resolveSession,
  type ResolvedSession,
  revokeAllSessions,
  SCRYPT_PARAMS,
  seedDemoAccounts,
  setPassword,
  signIn,
  type SignInResult,
  signOut,
  tokenHash,
  verifyPassword,
} from './accounts';
export { findAgentByEmployeeNo, getAgent } from './session/agents';
export { verifyAudit } from './audit/audit';
export * from './bootstrap';
export type { CallContext, CoreDeps, ReplicaHooks } from './context';
export { type LoggedChange, mutationsHiddenFrom } from './complaints/sync-visibility';
export { type PushContext, reconcilePushed } from './conflicts/reconcile';
export { type Core, createCore } from './create-core';
export { DEMO_AGENTS, DESK_AGENT, seedDemo } from './demo';
export * from './demo/ids';
export { dispatch, type DispatchRequest } from './dispatch';
export type { Changed, CoreEvent, EventBus } from './events';
export { type AppliedInTransaction, announceEffects, applyMutation, applyMutationInTransaction } from './mutations/apply';
export type { Effect } from './mutations/types';
export { mintMutation } from './mutations/mint';
export { type MutationRegistry, mutationHandlers } from './mutations/registry';
export type { MutationHandler, MutationHandlers } from './mutations/types';
export { type Implementations, write } from './procedure-kit';
export { tickCommitments, type ClockTick } from './promises/clock';
export { DEFAULT_DISPATCH, dispatchMessages, type DispatchPolicy } from './promises/dispatcher';
export { type Gateway, outboxGateway, webhookGateway } from './promises/gateways';
export { SYSTEM_AGENT } from './session/system-agent';
export { type JobOptions, startBackgroundJobs } from './promises/jobs';
