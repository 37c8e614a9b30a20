import { describe, expect, it } from 'vitest';
import { ServerTimes } from '../../bench/team/server-times';

const FROM = Date.parse('2026-11-30T01:00:00Z');
const TO = Date.parse('2026-11-30T01:01:00Z');
const logLine = (at: string, route: string, ms: number) => JSON.stringify({ at, method: 'POST', route, status: 200, ms });

describe('ServerTimes', () => {
  it('keeps request-log times by route for the answers within the window only', () => {
    const times = new ServerTimes(FROM, TO).read(
      [
        logLine('2026-11-30T00:59:59.999Z', 'customers.pop', 99),
        ...[1, 2, 3, 4, 5].map((ms) => logLine('2026-11-30T01:00:30Z', 'customers.pop', ms)),
        logLine('2026-11-30T01:01:00.000Z', '/api/sync/push', 40),
        logLine('2026-11-30T01:01:00.001Z', 'customers.pop', 1000),
      ].join('\n'),
    );
    expect(times.count('customers.pop')).toBe(5);
    expect(times.percentile('customers.pop', 50)).toBe(3);
    expect(times.percentile('customers.pop', 100)).toBe(5);
    expect(times.percentile('/api/sync/push', 99)).toBe(40);
    expect(times.percentile('search.global', 95)).toBeNaN();
  });

  it('ignores lines that are not request-log entries', () => {
    const times = new ServerTimes(FROM, TO);
    for (const line of ['Kept console: http://127.0.0.1:1/', '{not json', '{"route":"x","ms":1}', '{"ms":3}', '[kept] job failed: {'])
      times.line(line);
    times.line(logLine('2026-11-30T01:00:01Z', 'x', 7));
    expect(times.count('x')).toBe(1);
  });
});
