/**
 * Promises to customers, as core's `promises` slice has them: what policy allows (`offers/`), the
 * commitments made and their confirmations (`commitments/`), and escalations to a supervisor
 * (`escalations/`).
 */
import './promises.css';
import './offers/offers.css';
import './offers/offers-why.css';
import './commitments/commitments.css';
import './escalations/escalations.css';
export { CaseCommitments } from './commitments/CaseCommitments';
export { CommitmentDialog, type CommitmentRequest } from './commitments/CommitmentDialog';
export { CommitmentWorkbench } from './commitments/CommitmentWorkbench';
export { DecisionList } from './commitments/DecisionList';
export { EscalationsButton } from './escalations/EscalationsButton';
export { DecideEscalation } from './escalations/DecideEscalation';
export { escalationDetail, escalationReason } from './offers/escalation-reason';
export { RegulatorClock } from './escalations/RegulatorClock';
export { RaiseEscalation } from './escalations/RaiseEscalation';
export { isWaiting } from './escalations/escalation-status';
