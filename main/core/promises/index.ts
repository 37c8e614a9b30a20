export { mutations } from './mutations';
export { procedures } from './procedures';
