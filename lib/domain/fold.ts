/**
 * Folds text for matching: lower case, diacritics removed (`Zoë` → `zoe`), runs
 * of whitespace collapsed. The same fold is applied to records and to queries.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
