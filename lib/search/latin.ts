/**
 * Letters that Unicode does not decompose, so `foldText` keeps them (`søren`,
 * `łukasz`, `groß`), spelled the way people type them on an English keyboard.
 */
const SPELLED: Record<string, string> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
  ŧ: 't',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ŋ: 'n',
  // Typographic apostrophes, so `o'connor` finds `O’Connor`.
  '’': "'",
  ʼ: "'",
};
const SPELLED_RE = /[øłđðħıŧßæœþŋ’ʼ]/g;
/** Anything but printable ASCII and ordinary whitespace. */
const NON_ASCII_RE = /[^ -~\t\n\r]/;

/**
 * Applied after `foldText`, to rows and queries alike. Most text is ASCII, which
 * is returned as it is after one quick test.
 */
export function spellLatin(folded: string): string {
  if (!NON_ASCII_RE.test(folded)) return folded;
  return folded.replace(SPELLED_RE, (letter) => SPELLED[letter] ?? letter);
}

export function isAscii(text: string): boolean {
  return !NON_ASCII_RE.test(text);
}
