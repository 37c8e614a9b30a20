import './policy.css';

export { PolicyAdmin } from './PolicyAdmin';
