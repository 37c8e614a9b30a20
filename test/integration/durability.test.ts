import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempCore, type TempCore } from '../fixtures/temp-core';

let t: TempCore;
beforeAll(async () => {
  t = await openTempCore({ empty: true });
});
afterAll(() => t.dispose());

describe('SQLite durability settings', () => {
  it('runs in WAL with synchronous=FULL and foreign keys on', () => {
    expect(t.sqlite.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(t.sqlite.raw.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(t.sqlite.raw.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
