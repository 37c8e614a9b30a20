export type { ConsoleClient } from './console-client';
export type { BackoffOptions, ConnectionState, WebSocketConstructor, WebSocketLike } from './event-socket';
export { createHttpClient, type HttpClientOptions } from './http-client';
export { createIpcClient } from './ipc-client';
export { isMutation, mutationIdFor } from './mutation-id';
