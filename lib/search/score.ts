// The weights order matches, not measure them: a whole word of the name beats
// the start of one, which beats the organization, which beats an address, which
// beats the middle of a word anywhere.
export const SCORE = {
  nameWord: 100,
  namePrefix: 80,
  nameInner: 30,
  orgWord: 60,
  orgPrefix: 50,
  orgInner: 15,
  otherWord: 50,
  otherPrefix: 45,
  otherInner: 10,
  /** A word matched only with a typo: a whole word of the name, the start of one, elsewhere. */
  fuzzyNameWord: 25,
  fuzzyName: 20,
  fuzzyOther: 8,
  /** The whole query starts the name, in the order typed. */
  nameStartsWithQuery: 40,
  /** The whole query is the whole name. */
  nameIsQuery: 60,
} as const;

/** Letters and digits make words; anything else (space, `.`, `@`, `-`, `'`) separates them. */
export function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code >= 0x80;
}

/**
 * How well `term` occurs literally in `text`: 0 when it does not. The haystack holds
 * the name first, then the organization (`orgStart`…`orgEnd`), then the addresses.
 */
export function literalScore(
  text: string,
  term: string,
  nameEnd: number,
  orgStart: number,
  orgEnd: number,
): number {
  let best = 0;
  let at = text.indexOf(term);
  // A few occurrences are enough: the best one is nearly always among the first.
  for (let tries = 0; at >= 0 && tries < 6; tries++) {
    const starts = at === 0 || !isWordChar(text.charCodeAt(at - 1));
    const end = at + term.length;
    const whole = starts && (end === text.length || !isWordChar(text.charCodeAt(end)));
    let score: number;
    if (at < nameEnd) score = whole ? SCORE.nameWord : starts ? SCORE.namePrefix : SCORE.nameInner;
    else if (at >= orgStart && at < orgEnd)
      score = whole ? SCORE.orgWord : starts ? SCORE.orgPrefix : SCORE.orgInner;
    else score = whole ? SCORE.otherWord : starts ? SCORE.otherPrefix : SCORE.otherInner;
    if (score > best) best = score;
    if (best === SCORE.nameWord) break;
    at = text.indexOf(term, at + 1);
  }
  return best;
}

/** Extra credit when the query, as typed, is the start of the name or the whole name. */
export function wholeQueryBonus(text: string, query: string, nameEnd: number): number {
  if (query === '' || query.length > nameEnd || !text.startsWith(query)) return 0;
  return query.length === nameEnd
    ? SCORE.nameStartsWithQuery + SCORE.nameIsQuery
    : SCORE.nameStartsWithQuery;
}

/**
 * How well `digits` matches one of a row's phones (each given as its digits);
 * `bare` is `digits` without leading zeros (a trunk prefix, or `00` for `+`).
 */
export function phoneScore(phoneDigits: readonly string[], digits: string, bare: string): number {
  let best = 0;
  for (const phone of phoneDigits) {
    let wanted = digits;
    let at = phone.indexOf(digits);
    if (at < 0 && bare !== digits) at = phone.indexOf((wanted = bare));
    if (at < 0) continue;
    const ends = at + wanted.length === phone.length;
    const score = ends && (wanted.length >= 7 || at === 0) ? 100 : ends ? 70 : at === 0 ? 60 : 40;
    if (score > best) best = score;
  }
  return best;
}
