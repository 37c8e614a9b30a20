export * from './client';
export * from './headless-desk';
