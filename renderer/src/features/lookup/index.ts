/** What a look-up led to when it found no one customer: an invalid number, an unknown number, a failure. */
export { INVALID_NUMBER_ID, InvalidNumber } from './InvalidNumber';
export { LookupFailed } from './LookupFailed';
export { UnknownNumber } from './UnknownNumber';
