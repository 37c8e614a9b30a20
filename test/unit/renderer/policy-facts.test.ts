import { describe, expect, it } from 'vitest';
import { factLines } from '../../../renderer/src/features/promises/offers/policy-facts';
import { translator } from './i18n';

describe('factLines', () => {
  it('lists known facts in the order an agent weighs them, labelled and in words', async () => {
    const t = await translator('en');
    const lines = factLines(
      { tier: 'silver', category: 'points_voucher', contacts7d: 6, complaint: true, daysOpen: 6, voucherValue: 50, level: 2 },
      t,
      'en',
    );
    expect(lines.map((l) => l.key)).toEqual(['contacts7d', 'daysOpen', 'complaint', 'voucherValue', 'category', 'tier', 'level']);
    expect(lines.find((l) => l.key === 'contacts7d')).toEqual({ key: 'contacts7d', label: 'Calls in 7 days', value: '6' });
    expect(lines.find((l) => l.key === 'complaint')?.value).toBe(t('common.yes'));
    expect(lines.find((l) => l.key === 'voucherValue')?.value).toBe('50 yuan');
    expect(lines.find((l) => l.key === 'category')?.value).toBe(t('category.points_voucher'));
    expect(lines.find((l) => l.key === 'tier')?.value).toBe(t('tier.silver'));
    expect(lines.find((l) => l.key === 'level')?.value).toBe(t('cases.levelBadge', { level: 2 }));
  });

  it('shows a value this desk does not know as it came, and a missing one as a dash', async () => {
    const t = await translator('en');
    const lines = factLines({ category: 'brand_new_category', regulatorMentioned: null }, t, 'en');
    expect(lines).toContainEqual({ key: 'category', label: t('policy.fact.category'), value: 'brand_new_category' });
    expect(lines).toContainEqual({ key: 'regulatorMentioned', label: t('policy.fact.regulatorMentioned'), value: '—' });
  });

  it('puts facts it has no word for after the known ones, sorted, under their own names', async () => {
    const t = await translator('zh-CN');
    const lines = factLines({ zeta: 1, alpha: { nested: true }, daysOpen: 3 }, t, 'zh-CN');
    expect(lines.map((l) => [l.key, l.label, l.value])).toEqual([
      ['daysOpen', t('policy.fact.daysOpen'), '3'],
      ['alpha', 'alpha', '{"nested":true}'],
      ['zeta', 'zeta', '1'],
    ]);
  });
});
