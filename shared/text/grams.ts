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
 * The keys of a text in a PostgreSQL gram index (a GIN-indexed `text[]`): its grams (`textGrams`),
 * plus the first one and the first two characters of each gram. FTS5 answers a 1–2 character
 * prefix query (`"积"*`, `"vi"*`) from its token list; with these keys the same query is plain
 * array containment, which GIN serves. Longer prefixes are checked against the grams themselves.
 */
export function gramKeys(text: string): string[] {
  const keys = new Set<string>();
  for (const gram of textGrams(text).split(' ')) {
    if (!gram) continue;
    const chars = [...gram];
    keys.add(gram);
    keys.add(chars[0]!);
    if (chars.length > 2) keys.add(chars[0]! + chars[1]!);
  }
  return [...keys];
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
