export * from './client';
export * from './headless-desk';
export * from './token-session';
