/** Pinned facts: pinning one, and showing one with its unpin. */
export { FactItem } from './FactItem';
export { PinFactDialog } from './PinFactDialog';
