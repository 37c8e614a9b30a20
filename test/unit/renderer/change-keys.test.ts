import { describe, expect, it } from 'vitest';
import { touchesCustomer, touchesEscalations, touchesIncidents } from '../../../renderer/src/state/change-keys';
import { procedureKey } from '../../../renderer/src/state/queries';

const q = (queryKey: readonly unknown[]) => ({ queryKey });

describe('which reads a change makes stale', () => {
  const mine = touchesCustomer('cu1');

  it('a change to a customer: every read about them, and case reads, but not another customer’s', () => {
    expect(mine(q(procedureKey('customers.get', { id: 'cu1' })))).toBe(true);
    expect(mine(q(procedureKey('customers.brief', { customerId: 'cu1' })))).toBe(true);
    expect(mine(q(procedureKey('customers.history', { customerId: 'cu1', limit: 30 })))).toBe(true);
    expect(mine(q(procedureKey('cases.get', { id: 'case-1' })))).toBe(true);
    expect(mine(q(procedureKey('policy.evaluate', { caseId: 'case-1', supplied: {} })))).toBe(true);
    expect(mine(q(procedureKey('escalations.list', { caseId: 'case-1' })))).toBe(true);

    expect(mine(q(procedureKey('customers.get', { id: 'cu2' })))).toBe(false);
    expect(mine(q(procedureKey('customers.brief', { customerId: 'cu2' })))).toBe(false);
    expect(mine(q(procedureKey('session.me', {})))).toBe(false);
    expect(mine(q(procedureKey('incidents.list', { activeOnly: false })))).toBe(false);
    // The drafts are kept current by the note boxes themselves; a screen pop is never re-asked.
    expect(mine(q(procedureKey('drafts.forCustomer', { customerId: 'cu1' })))).toBe(false);
    expect(mine(q(procedureKey('customers.pop', { phone: '13800138000' })))).toBe(false);
  });

  it('an incident: the briefs, the case views and the list', () => {
    expect(touchesIncidents(q(procedureKey('customers.brief', { customerId: 'cu1' })))).toBe(true);
    expect(touchesIncidents(q(procedureKey('cases.get', { id: 'case-1' })))).toBe(true);
    expect(touchesIncidents(q(procedureKey('incidents.list', { activeOnly: false })))).toBe(true);
    expect(touchesIncidents(q(procedureKey('customers.history', { customerId: 'cu1' })))).toBe(false);
  });

  it('an escalation: the supervisors’ queue and each case’s requests, nothing else', () => {
    expect(touchesEscalations(q(procedureKey('escalations.list', { status: 'open' })))).toBe(true);
    expect(touchesEscalations(q(procedureKey('escalations.list', { caseId: 'case-1' })))).toBe(true);
    expect(touchesEscalations(q(procedureKey('cases.get', { id: 'case-1' })))).toBe(false);
  });

  it('ignores keys that are not [procedure, input]', () => {
    expect(mine(q(['something']))).toBe(false);
    expect(touchesIncidents(q([42, {}]))).toBe(false);
  });
});
