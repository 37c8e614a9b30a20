import { describe, expect, it } from 'vitest';
import { hrefOf, routeOf } from '../../../renderer/src/app/use-route';

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
});
