export * from './dialect';
export * from './migrate';
export type { DB } from './schema';
export * from './sqlite';
export * from './transaction';
export * from './postgres';
