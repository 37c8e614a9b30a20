export * from './client';
export * from './headless-desk';
export * from './token-session';
export * from './runner';
export { openWsSocket } from './event-socket';
export * from './desk-connection';
export * from './person-secrets';
export { deskGateway } from './messages';
