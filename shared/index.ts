export * from './canonical';
export * from './contract';
export * from './domain/entities';
export * from './domain/values';
export * from './ids';
export * from './phone';
export * from './security';
