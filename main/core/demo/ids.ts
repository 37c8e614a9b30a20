/**
 * The fixed ids and numbers of the demo's seed story (何志明 and his voucher complaint). The seed writes
 * them; tests and benchmarks look them up through these names instead of pasting the literals.
 */

/** The seed customer, as stored (E.164). */
export const STORY_PHONE = '+8613800138000';
/** The seed customer's number as digits only, the way it is often typed. */
export const STORY_PHONE_DIGITS = '13800138000';
/** The seed customer's number as the README tells an agent to type it. */
export const STORY_PHONE_TYPED = '138 0013 8000';
export const STORY_CUSTOMER_ID = '01930000-0000-7000-8000-00000000c001';
export const STORY_CUSTOMER_NAME = '何志明';

/** The case the complaint is about: a 50-yuan points voucher that could not be redeemed. */
export const STORY_VOUCHER_CASE_ID = '01930000-0000-7000-8000-00000000ca01';
export const STORY_VOUCHER_CASE_NUMBER = 'C-2611-0418';
/** The customer's request to leave the promotion and get the top-up back. */
export const STORY_REFUND_CASE_ID = '01930000-0000-7000-8000-00000000ca02';
export const STORY_REFUND_CASE_NUMBER = 'C-2611-0534';
/** The complaint about agent 23338's conduct. */
export const STORY_CONDUCT_CASE_ID = '01930000-0000-7000-8000-00000000ca03';
export const STORY_CONDUCT_CASE_NUMBER = 'C-2611-0533';

/** The points-mall outage that touches the voucher case. */
export const INCIDENT_MALL = '01930000-0000-7000-8000-00000000e001';
