/**
 * Pieces of patterns that read as a case-insensitive Unicode pattern (flags `iu`) reads,
 * for patterns written without the `i` flag.
 *
 * Why: compiling a pattern with the `i` and `u` flags and a class of letters
 * (`[\p{L}\p{N}]`) makes V8 build that class's case closure, a few thousand ranges,
 * for each such pattern: tens of milliseconds of a page's first scan, before the
 * pattern reads a character. The same pattern without `i`, with its words' case
 * spelled out (`[aA][tT]`), compiles at once and matches exactly the same strings.
 */

/**
 * `\p{L}\p{N}` as a class body, as the `iu` flags read it: they add U+0345 (combining
 * ypogegrammeni), which folds to a Greek iota. No other character differs.
 */
export const LETTER_OR_NUMBER = '\\p{L}\\p{N}\\u0345';

/** `\p{L}` as a class body, as the `iu` flags read it (see LETTER_OR_NUMBER). */
export const LETTER = '\\p{L}\\u0345';

// ASCII letters that other characters fold to under the `iu` flags: the Kelvin sign
// folds to k, the long s to s.
const FOLDED_TO: Readonly<Record<string, string>> = { k: '\\u212a', s: '\\u017f' };

/**
 * A pattern's ASCII letters in any case: `at` → `[aA][tT]`, `on|at` → `[oO][nN]|[aA][tT]`.
 * Matches what the pattern matches with the `iu` flags, for patterns of letters and
 * syntax alone (no escapes, no classes).
 */
export function anyCase(pattern: string): string {
  return pattern.replace(
    /[a-z]/gi,
    (letter) =>
      `[${letter.toLowerCase()}${letter.toUpperCase()}${FOLDED_TO[letter.toLowerCase()] ?? ''}]`,
  );
}
