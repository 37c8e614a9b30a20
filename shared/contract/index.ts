export * from './bridge';
export * from './client';
export * from './errors';
export * from './events';
export * from './mutation';
export * from './mutations';
export * from './procedures';
export * from './sync';
