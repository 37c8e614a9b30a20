// Han, kana and hangul are written without spaces: every character is a word boundary.
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/u;
const WORDISH = /[\p{L}\p{N}]/u;

/**
 * The tokens a short search term is matched against: overlapping 2-character grams of every CJK run
 * (plus its last character alone, so a 1-character search finds it too) and latin words lower-cased.
 * Stored space-separated in an FTS5 unicode61 table.
 */
export function textGrams(text: string): string {
  const out = new Set<string>();
  const chars = [...text.normalize('NFKC').toLowerCase()];
  let run: string[] = [];
  let word = '';
  const flushRun = () => {
    for (let i = 0; i + 1 < run.length; i++) out.add(run[i]! + run[i + 1]!);
    if (run.length > 0) out.add(run[run.length - 1]!);
    run = [];
  };
  const flushWord = () => {
    if (word) out.add(word);
    word = '';
  };
  for (const ch of chars) {
    if (CJK.test(ch)) {
      flushWord();
      run.push(ch);
    } else if (WORDISH.test(ch)) {
      flushRun();
      word += ch;
    } else {
      flushRun();
      flushWord();
    }
  }
  flushRun();
  flushWord();
  return [...out].join(' ');
}

/**
 * The keys of a text in a PostgreSQL gram index (a GIN-indexed `text[]`), so that containment
 * (`grams @> keys`) answers what an FTS5 unicode61 2-gram table answers:
 * - each gram (`textGrams`) as it is, for an exact token (`"积分"`);
 * - the first one and the first two characters of each gram, marked with `*`, for a 1–2 character
 *   prefix query (`"积"*`, `"vi"*`). Longer prefixes are checked against the grams themselves.
 * Latin letters lose their diacritics first (`foldLatin`), as unicode61 folds them.
 */
export function gramKeys(text: string): string[] {
  const keys = new Set<string>();
  for (const gram of textGrams(text).split(' ')) {
    if (!gram) continue;
    const folded = foldLatin(gram);
    const chars = [...folded];
    keys.add(folded);
    keys.add(`${chars[0]!}*`);
    if (chars.length >= 2) keys.add(`${chars[0]!}${chars[1]!}*`);
  }
  return [...keys];
}

const LATIN = /\p{Script=Latin}/u;

/** Latin letters without their diacritics (é → e, à → a), other scripts untouched: what FTS5's unicode61 tokenizer does by default. */
export function foldLatin(text: string): string {
  return [...text].map((ch) => (LATIN.test(ch) ? ch.normalize('NFD').replace(/\p{M}/gu, '') : ch)).join('');
}

/** Search terms from what a person typed: NFKC-folded, lower-cased, split on white space, de-duplicated. */
export function searchTerms(query: string): string[] {
  return [
    ...new Set(
      query
        .normalize('NFKC')
        .toLowerCase()
        .split(/\s+/u)
        .filter((t) => WORDISH.test(t)),
    ),
  ];
}

export function isCjk(text: string): boolean {
  return CJK.test(text);
}
