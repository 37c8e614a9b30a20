import { describe, expect, it } from 'vitest';
import { CHARTS, lastDays, rangeOf, tableOf } from '../../../renderer/src/features/dashboard/chart-defs';
import { buildCsv, csvField, csvFileText, UTF8_BOM } from '../../../renderer/src/features/dashboard/csv';
import { translator } from './i18n';

describe('CSV', () => {
  it('leaves plain fields as they are, Chinese included', () => {
    expect(csvField('守约')).toBe('守约');
    expect(csvField(42)).toBe('42');
    expect(csvField(null)).toBe('');
  });

  it('quotes commas, quotes, line breaks and edge spaces, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('他说"不行"')).toBe('"他说""不行"""');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
    expect(csvField(' lead')).toBe('" lead"');
  });

  it('builds rows with CRLF and a BOM for Excel', () => {
    const csv = buildCsv(
      ['坐席', '未兑现'],
      [
        ['林晓 · 工号 20001', 2],
        ['王, "强"', 1],
      ],
    );
    expect(csv).toBe('坐席,未兑现\r\n林晓 · 工号 20001,2\r\n"王, ""强""",1\r\n');
    const file = csvFileText(csv);
    expect(file.startsWith(UTF8_BOM)).toBe(true);
    expect(file.codePointAt(0)).toBe(0xfeff);
    expect(file.slice(1)).toBe(csv);
  });

  it('a chart’s table has its columns in words and numbers rounded', async () => {
    const t = await translator('zh-CN');
    const def = CHARTS.find((c) => c.chart === 'slaByCategory');
    if (!def) throw new Error('no sla chart');
    const table = tableOf(def, [{ key: 'billing', category: 'billing', resolved: 3, withinSla: 2, pct: 66.6666 }], t);
    expect(table.header).toEqual(['类别', '已解决', '时限内', '比率 %']);
    expect(table.rows).toEqual([[t('category.billing'), 3, 2, 66.7]]);
  });
});

describe('date range', () => {
  it('defaults to the last 30 days, today included', () => {
    expect(lastDays(new Date(2026, 10, 29))).toEqual({ from: '2026-10-31', to: '2026-11-29' });
  });

  it('makes the end exclusive at the next midnight and refuses a backwards or over-long range', () => {
    const r = rangeOf('2026-11-01', '2026-11-01');
    expect(r).not.toBeNull();
    if (r) expect(Date.parse(r.to) - Date.parse(r.from)).toBe(86_400_000);
    expect(rangeOf('2026-11-02', '2026-11-01')).toBeNull();
    expect(rangeOf('2024-01-01', '2026-01-01')).toBeNull();
    expect(rangeOf('', '2026-01-01')).toBeNull();
  });
});
