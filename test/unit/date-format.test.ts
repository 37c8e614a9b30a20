import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatDayTime } from '../../renderer/src/format/date-time';

// Local time, as the desk formats it: the process runs in the machine's zone, whatever it is.
const at = (y: number, m: number, d: number, h = 10) => new Date(y, m - 1, d, h, 0, 0);

describe('dates on the desk', () => {
  it('leave out the year for the last days of last year, read in the first days of this one', () => {
    const now = at(2027, 1, 3);
    expect(formatDay(at(2026, 12, 29).toISOString(), 'zh-CN', now)).toBe('12月29日');
    expect(formatDayTime(at(2026, 12, 29).toISOString(), 'zh-CN', now)).toBe('12月29日 10:00');
    expect(formatDay(at(2026, 12, 29).toISOString(), 'en', now)).toBe('Dec 29');
    expect(formatDateTime(at(2026, 12, 29).toISOString(), 'zh-CN', now)).not.toMatch(/2026/);
  });

  it('show the year when the date is more than half a year away, either way', () => {
    const now = at(2026, 11, 26);
    expect(formatDay(at(2026, 3, 1).toISOString(), 'zh-CN', now)).toBe('2026年3月1日');
    expect(formatDay(at(2025, 11, 20).toISOString(), 'en', now)).toBe('Nov 20, 2025');
    expect(formatDayTime(at(2027, 8, 1).toISOString(), 'zh-CN', now)).toMatch(/^2027年8月1日/);
    expect(formatDay(at(2026, 11, 20).toISOString(), 'zh-CN', now)).toBe('11月20日');
  });
});
