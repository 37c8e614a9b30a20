export { type EventSinkLike, forwardChanges } from './change-forwarder';
export { type DeskActor, fixedDeskActor } from './desk-actor';
export { IpcCallRequest } from './request';
export { createIpcRouter, type IpcInvokeHandler, type IpcRouterOptions } from './router';
export { createSenderCheck, type InvokeEventLike, type SenderCheckOptions, type SenderFrameLike } from './sender';
export { createDeskLock, DEFAULT_IDLE_LOCK_MINUTES, type DeskLock, type DeskLockOptions } from './desk-lock';
export { createDeskRouter, type DeskHandler, type DeskHandlers, type DeskProfilesPort, type DeskRouterOptions } from './desk-router';
export { createSyncRouter, type DeskSyncPort, type SyncHandler, type SyncHandlers, type SyncRouterOptions } from './sync-router';
