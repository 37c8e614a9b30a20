/** The customer brief: the whole story on one screen (`customers.brief`). */
import './brief.css';
import './brief-facts.css';
import './brief-commitments.css';
export { CustomerBrief } from './CustomerBrief';
export { type BriefState, useBrief } from './use-brief';
