import uFuzzy from '@leeoniya/ufuzzy';
import { isAscii } from './latin';
import { fieldsOf } from './projection-format';
import { prepareQuery } from './query';
import { isWordChar, literalScore, phoneScore, SCORE, wholeQueryBonus } from './score';
import { SearchBook, type ShownRow } from './search-book';
import { Top } from './top';

/** What the index searches: every row's haystack, last contact and phones. */
export interface SearchSource {
  readonly size: number;
  /** Name, organization and addresses, folded and tab-separated (projection-format.ts). */
  readonly haystacks: string[];
  /** Each row's last contact (epoch ms); negative for none. */
  readonly lastAt: Float64Array;
  /** Each phone of row `i`, as stored (E.164); undefined while not read yet. */
  phonesOf(i: number): readonly string[] | undefined;
}

export interface SearchIndex {
  readonly size: number;
  /** The positions of the best `limit` rows for what the user typed, best first. */
  search(query: string, limit?: number): number[];
  /**
   * The same without the typo pass, for a first answer: `found` is what `search`
   * ranks first, in the same order, and `typosWanted` says whether `search` would
   * add rows matched only with a typo after them.
   */
  searchAsTyped(query: string, limit?: number): { found: number[]; typosWanted: boolean };
  /** The positions of the `limit` (at most 100) rows contacted most recently. */
  recent(limit?: number): number[];
}

export const DEFAULT_LIMIT = 20;
/**
 * Typos are looked for only when the query as typed finds fewer rows than this: a
 * typo pass reads every row again, and rows found as typed rank first anyway.
 */
const TYPO_PASS_BELOW = 3;
/** uFuzzy's `info` (match positions) is worth its cost on this many rows at most. */
const INFO_LIMIT = 1000;

// Typo tolerance: one substitution, transposition, deletion or insertion per word
// (uFuzzy's SingleError mode; it keeps the first letter and is stricter on short words).
const LATIN_OPTIONS: uFuzzy.Options = { intraMode: 1 };
// The same for scripts other than Latin, whose letters the default a-z classes miss.
const UNICODE_OPTIONS: uFuzzy.Options = {
  intraMode: 1,
  unicode: true,
  interSplit: "[^\\p{L}\\d']+",
  intraSplit: '\\p{Ll}\\p{Lu}',
  intraBound: '\\p{L}\\d|\\d\\p{L}|\\p{Ll}\\p{Lu}',
  interBound: '[^\\p{L}\\d]',
  intraChars: "[\\p{L}\\d']",
  intraContr: "'\\p{L}{1,2}\\b",
};

/**
 * Builds the popup's in-memory search over the projection's rows. Building does
 * next to nothing (the stored haystacks are already folded), because the popup is
 * a fresh page every time it opens; what ranking needs is worked out per row the
 * first time that row matches.
 *
 * A query is matched in up to three passes:
 * 1. phone digits, when the query is a phone number however written;
 * 2. every word literally, in any order (prefixes and substrings);
 * 3. only if those find almost nothing: every word with one typo, through
 *    uFuzzy's filter, and its info for where the typo landed.
 * Rows from the first two passes always rank above typo-only ones.
 */
export function indexSource(source: SearchSource): SearchIndex {
  const { size: count, lastAt } = source;
  const haystack = source.haystacks;
  const nameEnd = new Int32Array(count).fill(-1);
  const orgStart = new Int32Array(count);
  const orgEnd = new Int32Array(count);
  let phoneDigits: (string[] | undefined)[] | undefined;
  let latinFuzzy: uFuzzy | undefined;
  let unicodeFuzzy: uFuzzy | undefined;
  let recentFirst: number[] | undefined;

  /** Where a row's name and organization lie in its haystack, worked out once per row. */
  const locate = (i: number) => {
    if (nameEnd[i]! >= 0) return;
    const fields = fieldsOf(haystack[i]!);
    nameEnd[i] = fields.nameEnd;
    orgStart[i] = fields.orgStart;
    orgEnd[i] = fields.orgEnd;
  };
  const scoreLiteral = (i: number, term: string) =>
    literalScore(haystack[i]!, term, nameEnd[i]!, orgStart[i]!, orgEnd[i]!);

  const byRecency = (a: number, b: number) =>
    lastAt[b]! - lastAt[a]! ||
    (haystack[a]! < haystack[b]! ? -1 : haystack[a]! > haystack[b]! ? 1 : a - b);

  // While the user types, each query extends the last one, and every row that holds
  // the longer query's words literally held the shorter one's: only those are read again.
  let lastPhrase = '';
  let lastLiteral: number[] = [];

  function search(query: string, limit = DEFAULT_LIMIT): number[] {
    return run(query, limit, true).found;
  }

  function searchAsTyped(query: string, limit = DEFAULT_LIMIT) {
    return run(query, limit, false);
  }

  function run(
    query: string,
    limit: number,
    typos: boolean,
  ): { found: number[]; typosWanted: boolean } {
    const prepared = prepareQuery(query);
    if (prepared.kind === 'empty' || limit <= 0) return { found: [], typosWanted: false };
    const { terms, phrase, digits } = prepared;
    const score = new Float64Array(count);
    // 0: not matched; 1: matched as typed; 2: matched only with a typo.
    const tier = new Uint8Array(count);
    const ranked = (a: number, b: number) =>
      tier[a]! - tier[b]! || score[b]! - score[a]! || byRecency(a, b);
    const top = new Top(limit, ranked);
    let matched = 0;

    if (digits) {
      phoneDigits ??= new Array<string[] | undefined>(count);
      // Written nationally, a number drops the country code and adds a trunk 0 (`020 7946…`
      // for +44 20 7946…), and `00` stands for `+`: without leading zeros it still matches.
      const bare = digits.length > 4 ? digits.replace(/^0+/, '') : digits;
      for (let i = 0; i < count; i++) {
        let phones = phoneDigits[i];
        if (!phones) {
          const stored = source.phonesOf(i);
          // Not read yet: the caller asks again once it is (SearchBook.complete).
          if (!stored) continue;
          phones = phoneDigits[i] = stored.map((phone) => phone.replace(/\D/g, ''));
        }
        if (phones.length === 0) continue;
        const found = phoneScore(phones, digits, bare);
        if (found === 0) continue;
        score[i] = found;
        tier[i] = 1;
        matched++;
        top.offer(i);
      }
    }

    const literal: number[] = [];
    const visit = (i: number) => {
      const text = haystack[i]!;
      for (const term of terms) if (!text.includes(term)) return;
      literal.push(i);
      locate(i);
      let total = wholeQueryBonus(text, phrase, nameEnd[i]!);
      for (const term of terms) total += scoreLiteral(i, term);
      if (tier[i] === 0) matched++;
      if (total > score[i]!) score[i] = total;
      tier[i] = 1;
      top.offer(i);
    };
    if (lastPhrase !== '' && phrase.startsWith(lastPhrase)) for (const i of lastLiteral) visit(i);
    else for (let i = 0; i < count; i++) visit(i);
    lastPhrase = phrase;
    lastLiteral = literal;

    const typosWanted = matched < Math.min(limit, TYPO_PASS_BELOW);
    if (typosWanted && typos) matchWithTypos(prepared.folded, score, tier, top);
    return { found: top.items, typosWanted: typosWanted && !typos };
  }

  function matchWithTypos(folded: string, score: Float64Array, tier: Uint8Array, top: Top) {
    const fuzzy = isAscii(folded)
      ? (latinFuzzy ??= new uFuzzy(LATIN_OPTIONS))
      : (unicodeFuzzy ??= new uFuzzy(UNICODE_OPTIONS));
    const words = fuzzy.split(folded).sort((a, b) => b.length - a.length);
    // uFuzzy matches numbers and words of one or two letters exactly: nothing to add.
    if (!words.some((word) => word.length > 2 && !/^\d+$/.test(word))) return;
    // Any word order: each word narrows the rows the previous ones left, as uFuzzy's
    // own out-of-order search does before it permutes (which the ranking here makes moot).
    let candidates: number[] | undefined;
    for (const word of words) {
      candidates = fuzzy.filter(haystack, word, candidates) ?? candidates;
      if (candidates?.length === 0) return;
    }
    const fresh = (candidates ?? []).filter((i) => tier[i] === 0);
    for (const word of words) {
      const typoRows: number[] = [];
      for (const i of fresh) {
        locate(i);
        const found = scoreLiteral(i, word);
        if (found > 0) score[i]! += found;
        else typoRows.push(i);
      }
      if (typoRows.length === 0) continue;
      const inName = new Map<number, number>();
      if (typoRows.length <= INFO_LIMIT) {
        // Where the typo landed: a word of the name, and a whole one, ranks first.
        const info = fuzzy.info(typoRows, haystack, word);
        info.idx.forEach((i, at) => {
          const text = haystack[i]!;
          const ranges = info.ranges[at]!;
          const start = ranges[0]!;
          const end = ranges[ranges.length - 1]!;
          if (start >= nameEnd[i]! || (start > 0 && isWordChar(text.charCodeAt(start - 1)))) return;
          const whole = end >= text.length || !isWordChar(text.charCodeAt(end));
          inName.set(i, whole ? SCORE.fuzzyNameWord : SCORE.fuzzyName);
        });
      }
      for (const i of typoRows) score[i]! += inName.get(i) ?? SCORE.fuzzyOther;
    }
    for (const i of fresh) {
      tier[i] = 2;
      top.offer(i);
    }
  }

  function recent(limit = DEFAULT_LIMIT): number[] {
    if (!recentFirst) {
      const top = new Top(100, byRecency);
      for (let i = 0; i < count; i++) if (lastAt[i]! >= 0) top.offer(i);
      recentFirst = top.items;
    }
    return recentFirst.slice(0, limit);
  }

  return { size: count, search, searchAsTyped, recent };
}

/** The same search over rows in hand (tests, the benchmark's other engines' input). */
export function createSearchIndex<Row extends ShownRow>(
  rows: readonly Row[],
): { size: number; search(query: string, limit?: number): Row[]; recent(limit?: number): Row[] } {
  const book = SearchBook.fromRows(rows);
  const index = indexSource(book);
  // fromRows groups rows by bucket: map each position back to the row it came from.
  const byId = new Map(rows.map((row) => [row.id, row]));
  const rowOf = (i: number) => byId.get(book.rowAt(i)!.id)!;
  return {
    size: index.size,
    search: (query, limit) => index.search(query, limit).map(rowOf),
    recent: (limit) => index.recent(limit).map(rowOf),
  };
}
