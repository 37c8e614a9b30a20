import type { Customer } from '../../../../shared';

/**
 * Where the customer brief will stand, above the timeline: open cases, pinned facts, commitments
 * and incidents. The host does not serve a brief yet, so nothing is shown rather than anything
 * made up; the grid keeps the row and collapses it while it is empty.
 */
export function BriefSlot(_props: { customer: Customer | null }) {
  return <div className="brief-slot" data-region="customer-brief" hidden />;
}
