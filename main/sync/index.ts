export * from './client';
export * from './headless-desk';
export * from './runner';
export { openWsSocket } from './event-socket';
export { deskGateway } from './messages';
