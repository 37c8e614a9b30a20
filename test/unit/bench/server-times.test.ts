import { describe, expect, it } from 'vitest';
import { ServerTimes } from '../../bench/team/server-times';

const logLine = (route: string, ms: number) => JSON.stringify({ at: '2026-11-30T01:00:00Z', method: 'POST', route, status: 200, ms });

describe('ServerTimes', () => {
  it('keeps request-log times by route only while recording', () => {
    const times = new ServerTimes();
    times.line(logLine('customers.pop', 99));
    times.recording = true;
    for (const ms of [1, 2, 3, 4, 5]) times.line(logLine('customers.pop', ms));
    times.line(logLine('/api/sync/push', 40));
    times.recording = false;
    times.line(logLine('customers.pop', 1000));
    expect(times.count('customers.pop')).toBe(5);
    expect(times.percentile('customers.pop', 50)).toBe(3);
    expect(times.percentile('customers.pop', 100)).toBe(5);
    expect(times.percentile('/api/sync/push', 99)).toBe(40);
    expect(times.percentile('search.global', 95)).toBeNaN();
  });

  it('ignores lines that are not request-log entries', () => {
    const times = new ServerTimes();
    times.recording = true;
    for (const line of ['Kept console: http://127.0.0.1:1/', '{not json', '{"route":"x"}', '{"ms":3}', '[kept] background job failed: {'])
      times.line(line);
    times.line(logLine('x', 7));
    expect(times.count('x')).toBe(1);
  });
});
