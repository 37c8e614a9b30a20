/** The desk before any look-up. */
export { StartScreen } from './StartScreen';
