import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical';

describe('canonicalJson', () => {
  it('sorts keys at every depth so key order never changes a hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
  it('drops undefined fields and keeps Chinese text as is', () => {
    expect(canonicalJson({ a: undefined, 名: '何志明' })).toBe('{"名":"何志明"}');
  });
  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
  });
});

describe('smsSegments', () => {
  it('counts 160/153 ASCII and 70/67 Chinese characters a segment', async () => {
    const { smsSegments } = await import('../../shared/domain/policy');
    expect(smsSegments('a'.repeat(160))).toBe(1);
    expect(smsSegments('a'.repeat(161))).toBe(2);
    expect(smsSegments('中'.repeat(70))).toBe(1);
    expect(smsSegments('中'.repeat(71))).toBe(2);
    expect(smsSegments(`${'a'.repeat(100)}中`)).toBe(2);
    expect(smsSegments('中'.repeat(201))).toBe(3);
    expect(smsSegments('中'.repeat(202))).toBe(4);
  });
});
