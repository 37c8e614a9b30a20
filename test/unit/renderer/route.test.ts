import { describe, expect, it } from 'vitest';
import { hrefOf, routeOf } from '../../../renderer/src/app/use-route';
import { auditHref, auditTargetOf } from '../../../renderer/src/features/audit/audit-target';

describe('routes', () => {
  it('reads the hash, the desk by default', () => {
    expect(routeOf('#/queue')).toBe('queue');
    expect(routeOf('#/dashboard')).toBe('dashboard');
    expect(routeOf('#/reviews')).toBe('reviews');
    expect(routeOf('#/policy')).toBe('policy');
    expect(routeOf('')).toBe('desk');
    expect(routeOf('#/nowhere')).toBe('desk');
    expect(hrefOf('desk')).toBe('#/');
    expect(routeOf(hrefOf('queue'))).toBe('queue');
  });

  it('keeps what follows ? for the screen: the audit trail of a case or a person', () => {
    expect(routeOf('#/audit')).toBe('audit');
    expect(routeOf('#/audit?case=C-2611-0418')).toBe('audit');
    expect(auditTargetOf('#/audit?case=C-2611-0418')).toEqual({ kind: 'case', ref: 'C-2611-0418' });
    expect(auditTargetOf('#/audit?person=%2030001%20')).toEqual({ kind: 'person', employeeNo: '30001' });
    expect(auditTargetOf('#/audit')).toBeNull();
    expect(auditTargetOf('#/audit?case=')).toBeNull();
    for (const target of [
      { kind: 'case', ref: 'C-1234-5678' },
      { kind: 'person', employeeNo: '23338' },
    ] as const) {
      expect(routeOf(auditHref(target))).toBe('audit');
      expect(auditTargetOf(auditHref(target))).toEqual(target);
    }
  });
});
