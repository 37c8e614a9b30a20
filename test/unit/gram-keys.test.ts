import { describe, expect, it } from 'vitest';
import { foldLatin, gramKeys, textGrams } from '../../shared';

// The PostgreSQL gram keys: containment over them answers what the FTS5 2-gram tables answer.
describe('gram keys', () => {
  it('hold every gram exactly, and its first one and two characters as prefixes', () => {
    expect(textGrams('何志明')).toBe('何志 志明 明');
    expect(new Set(gramKeys('何志明'))).toEqual(new Set(['何志', '何*', '何志*', '志明', '志*', '志明*', '明', '明*']));
    expect(new Set(gramKeys('VIP zhang'))).toEqual(new Set(['vip', 'v*', 'vi*', 'zhang', 'z*', 'zh*']));
  });

  it('tell a lone character from a prefix: "积" exactly is only the end of a run, "积"* is any 积', () => {
    const keys = gramKeys('积分 积');
    expect(keys).toContain('积'); // the second run is the lone character
    expect(gramKeys('积分')).not.toContain('积');
    expect(gramKeys('积分')).toContain('积*');
  });

  it('fold Latin diacritics as unicode61 does, and leave other scripts alone', () => {
    expect(foldLatin('Café à résumé')).toBe('Cafe a resume');
    expect(foldLatin('がぎ 积分')).toBe('がぎ 积分');
    expect(gramKeys('résumé')).toEqual(['resume', 'r*', 're*']);
  });

  it('have nothing for text without letters or digits', () => {
    expect(gramKeys('，。！ ...')).toEqual([]);
  });
});
