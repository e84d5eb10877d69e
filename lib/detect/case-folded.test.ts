import { describe, expect, it } from 'vitest';
import { anyCase, LETTER, LETTER_OR_NUMBER } from './case-folded';

/** Every code point (lone surrogates aside) on which two one-character patterns disagree. */
function disagreements(a: RegExp, b: RegExp): number[] {
  const differ: number[] = [];
  for (let code = 0; code <= 0x10ffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const char = String.fromCodePoint(code);
    if (a.test(char) !== b.test(char)) differ.push(code);
  }
  return differ;
}

describe('patterns read as the iu flags read them, without the i flag', () => {
  it('letters and numbers: the same code points as [\\p{L}\\p{N}] with iu', () => {
    expect(disagreements(new RegExp(`^[${LETTER_OR_NUMBER}]$`, 'u'), /^[\p{L}\p{N}]$/iu)).toEqual(
      [],
    );
    // Without the U+0345 the class adds, one code point differs: the test can fail.
    expect(disagreements(/^[\p{L}\p{N}]$/u, /^[\p{L}\p{N}]$/iu)).toEqual([0x345]);
  });

  it('letters, and what is not a letter: the same code points as with iu', () => {
    expect(disagreements(new RegExp(`^[${LETTER}]$`, 'u'), /^\p{L}$/iu)).toEqual([]);
    expect(disagreements(new RegExp(`^[^${LETTER}]$`, 'u'), /^[^\p{L}]$/iu)).toEqual([]);
  });

  it('a word in any case, the Kelvin sign and the long s among them', () => {
    for (const word of ['at', 'dot', 'period', 'ext', 'extension', 'xn', 'whatsapp', 'kits']) {
      const spelled = new RegExp(`^${anyCase(word)}$`, 'u');
      const folded = new RegExp(`^${word}$`, 'iu');
      for (const variant of [
        word,
        word.toUpperCase(),
        'AtDoTx',
        word.replace(/s/g, 'ſ'),
        word.replace(/k/g, 'K'),
      ]) {
        expect(spelled.test(variant), `${word} / ${variant}`).toBe(folded.test(variant));
      }
    }
    expect(new RegExp(`^${anyCase('us')}$`, 'u').test('uſ')).toBe(true);
    expect(new RegExp(`^${anyCase('at')}$`, 'u').test('aT')).toBe(true);
    expect(new RegExp(`^${anyCase('at')}$`, 'u').test('ab')).toBe(false);
    // Syntax stays syntax.
    expect(anyCase('(?:on|at)?')).toBe('(?:[oO][nN]|[aA][tT])?');
  });
});
