/** The customer brief: the whole story on one screen (`customers.brief`). */
export { CustomerBrief } from './CustomerBrief';
export { type BriefState, useBrief } from './use-brief';
