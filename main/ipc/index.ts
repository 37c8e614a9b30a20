export { type EventSinkLike, forwardChanges } from './change-forwarder';
export { type DeskActor, fixedDeskActor } from './desk-actor';
export { IpcCallRequest } from './request';
export { createIpcRouter, type IpcInvokeHandler, type IpcRouterOptions } from './router';
export { createSenderCheck, type InvokeEventLike, type SenderCheckOptions, type SenderFrameLike } from './sender';
