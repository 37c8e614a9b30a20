export { verifyAudit } from './audit';
export * from './bootstrap';
export type { CallContext, CoreDeps } from './context';
export { type Core, createCore } from './create-core';
export { DEMO_AGENTS, DESK_AGENT, seedDemo, STORY_CUSTOMER_ID, STORY_PHONE } from './demo';
export { dispatch, type DispatchRequest } from './dispatch';
export type { Changed, ChangeBus } from './events';
export { applyMutation } from './mutations/apply';
export { mintMutation } from './mutations/mint';
