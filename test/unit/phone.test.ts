import { describe, expect, it } from 'vitest';
import { formatPhone, normalisePhone } from '../../shared/phone';
import { procedures } from '../../shared/contract/procedures';

describe('normalisePhone', () => {
  const same = '+8613800138000';
  it.each([
    ['13800138000'],
    ['138 0013 8000'],
    ['+86 138-0013-8000'],
    ['0086 13800138000'],
    ['+86 (138) 0013 8000'],
    ['１３８００１３８０００'],
    ['１３８　００１３　８０００'],
    ['＋８６ １３８－００１３－８０００'],
    ['００８６１３８００１３８０００'],
    ['tel:+8613800138000'],
    ['  13800138000  '],
  ])('reads %j as the same E.164 number', (typed) => {
    expect(normalisePhone(typed)).toBe(same);
  });

  it('keeps landlines and foreign numbers as E.164', () => {
    expect(normalisePhone('010-12345678')).toBe('+861012345678');
    expect(normalisePhone('+1 650 253 0000')).toBe('+16502530000');
  });

  it.each([
    [''],
    ['   '],
    ['abc'],
    ['12345'],
    ['138001380001234'],
    ['13800138000x'],
    ["1' OR 1=1 --"],
    ['<script>'],
    ['1'.repeat(200)],
    ['+86'],
  ])('refuses %j', (typed) => {
    expect(normalisePhone(typed)).toBeNull();
  });

  it('formats for reading aloud', () => {
    expect(formatPhone('+8613800138000')).toBe('+86 138 0013 8000');
  });
});

describe('the contract refuses a bad phone with a typed issue', () => {
  it('gives phone_invalid on the phone field', () => {
    const result = procedures['customers.lookup'].input.safeParse({ phone: 'not a phone' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['phone'], message: 'phone_invalid' });
  });
  it('refuses a non-string phone without throwing', () => {
    for (const phone of [null, 13800138000, {}, [], undefined]) {
      expect(procedures['customers.lookup'].input.safeParse({ phone }).success).toBe(false);
    }
  });
});
