import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasLoneSurrogate, isInvisible, NOTE_MAX_CHARS, Text } from '../../shared';
import { expectAppError, openTempCore, type TempCore } from '../fixtures/temp-core';

const MAX = 200;
const text = Text(MAX);
const issues = (value: unknown) => {
  const parsed = text.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

/** Well-formed text of any code points, astral ones included. */
const wellFormed = (maxLength: number) => fc.string({ unit: 'binary', maxLength });
const highSurrogate = fc.integer({ min: 0xd800, max: 0xdbff }).map((c) => String.fromCharCode(c));
const lowSurrogate = fc.integer({ min: 0xdc00, max: 0xdfff }).map((c) => String.fromCharCode(c));
/** A character a person sees: a letter, digit, punctuation mark or symbol, from any script. */
const visibleChar = fc
  .integer({ min: 0x21, max: 0x10ffff })
  .filter((c) => c < 0xd800 || c > 0xdfff)
  .map((c) => String.fromCodePoint(c))
  .filter((c) => /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(c));
const invisibleChar = fc.constantFrom(
  ' ',
  '\t',
  '\n',
  '\u3000', // ideographic space
  '\u00a0',
  '\u200b', // zero-width space
  '\u200c',
  '\u200d',
  '\u2060', // word joiner
  '\ufeff', // BOM
  '\u00ad', // soft hyphen
  '\u200e', // LRM
  '\u200f', // RLM
  '\u061c',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e', // right-to-left override
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u3164', // Hangul filler
  '\u2800', // braille blank
  '\ufe0f', // variation selector
  '\u{e0041}', // tag letter
);

describe('Text(n): free text a person typed', () => {
  it('refuses any string with a lone surrogate, whatever surrounds it', () => {
    const lone = fc.oneof(
      // A high half followed by anything well-formed (which never starts with a low half).
      fc.tuple(wellFormed(40), highSurrogate, wellFormed(40)).map(([a, h, b]) => a + h + b),
      // A low half after anything well-formed (which never ends with a high half).
      fc.tuple(wellFormed(40), lowSurrogate, wellFormed(40)).map(([a, l, b]) => a + l + b),
    );
    fc.assert(
      fc.property(lone, (s) => {
        expect(hasLoneSurrogate(s)).toBe(true);
        expect(issues(s)).toContain('malformed_text');
      }),
    );
  });

  it('accepts any ordinary visible text within its length, trimmed', () => {
    const ordinary = fc
      .tuple(wellFormed(60), visibleChar, wellFormed(60))
      .map(([a, v, b]) => a + v + b)
      .filter((s) => s.trim().length <= MAX);
    fc.assert(
      fc.property(ordinary, (s) => {
        expect(hasLoneSurrogate(s)).toBe(false);
        const parsed = text.safeParse(s);
        expect(parsed.success ? parsed.data : parsed.error.issues).toBe(s.trim());
      }),
    );
  });

  it('refuses any text made only of invisible characters', () => {
    fc.assert(
      fc.property(fc.array(invisibleChar, { minLength: 1, maxLength: 30 }), (chars) => {
        const s = chars.join('');
        expect(isInvisible(s)).toBe(true);
        const found = issues(s);
        expect(found.length).toBe(1);
        expect(['required', 'invisible']).toContain(found[0]);
      }),
    );
  });

  it.each([
    ['a zero-width space', '\u200b', 'invisible'],
    ['a right-to-left override and a pop', '\u202e\u202c', 'invisible'],
    ['bidi isolates around spaces', '\u2066 \u2069', 'invisible'],
    ['a BOM and joiners', '\ufeff\u200d\u200c', 'invisible'],
    ['ideographic spaces', '\u3000\u3000', 'required'],
    ['nothing', '', 'required'],
    ['half an emoji', '👍'.slice(0, 1), 'malformed_text'],
    ['the other half of an emoji', `回电${'👍'.slice(1)}`, 'malformed_text'],
    ['one character too many', '长'.repeat(MAX + 1), 'too_long'],
  ])('refuses %s with one issue a form can name', (_what, value, issue) => {
    expect(issues(value)).toEqual([issue]);
  });

  it.each([
    ['Chinese', '客户要求明早回电'],
    ['an emoji', '👍'],
    ['a flag and a family (joiners inside visible text)', '🇨🇳 👨‍👩‍👧'],
    ['Arabic', 'مرحبا'],
    ['a zero-width space inside words', 'a\u200bb'],
    ['exactly the longest', '长'.repeat(MAX)],
    ['a surrogate pair at the very end', `${'长'.repeat(MAX - 2)}𠀀`],
  ])('accepts %s', (_what, value) => {
    expect(issues(value)).toEqual([]);
  });
});

describe('a note through the contract', () => {
  let t: TempCore;
  beforeAll(async () => {
    t = await openTempCore();
  });
  afterAll(() => t.dispose());
  const caseId = '01930000-0000-7000-8000-00000000ca01';

  it('is refused when it is only invisible, or broken, with the field and the issue', async () => {
    const invisible = await expectAppError(t.call('notes.add', { caseId, body: '\u200b\u202e' }));
    expect(invisible).toMatchObject({ code: 'invalid_input', issues: [{ path: 'body', message: 'invisible' }] });
    const broken = await expectAppError(t.call('notes.add', { caseId, body: `回电${'\ud83d'}` }));
    expect(broken).toMatchObject({ code: 'invalid_input', issues: [{ path: 'body', message: 'malformed_text' }] });
  });

  it('is kept as typed when it is ordinary text up to the longest note', async () => {
    const body = `${'长'.repeat(NOTE_MAX_CHARS - 2)}𠀀`;
    const note = await t.call('notes.add', { caseId, body });
    expect(note.body).toBe(body);
  });
});
