import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newCaseNumber, newId } from '../../shared/ids';

describe('ids', () => {
  it('mints UUIDv7 ids that sort by creation', () => {
    const ids = Array.from({ length: 50 }, () => newId());
    for (const id of ids) {
      expect(z.uuid().safeParse(id).success).toBe(true);
      expect(id[14]).toBe('7');
    }
    expect([...ids].sort()).toEqual(ids);
  });
  it('case numbers are digits in fours, easy to read out', () => {
    expect(newCaseNumber()).toMatch(/^C-\d{4}-\d{4}$/);
    expect(newCaseNumber(() => 0.5)).toBe('C-5555-5555');
  });
});
