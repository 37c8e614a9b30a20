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
