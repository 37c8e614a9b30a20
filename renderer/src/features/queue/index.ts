/** The supervisors' escalation queue (`#/queue`): open escalations by breach risk, filters, brief and decision. */
import './queue.css';
export { EscalationQueue } from './EscalationQueue';
