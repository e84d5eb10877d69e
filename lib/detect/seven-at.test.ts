import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sevenAt } from './text-phones';

// The pattern `sevenAt` replaces: seven phone characters, the first a digit, `+` or
// `(`, not after what the phone candidate's lookbehind refuses.
const SEVEN_AT = /(?<![\dA-Za-z_,+\-/@#&=$%€£¥]|\d[.:])[+(\d][-+\d ().\/\u00a0\u2010-\u2013]{6}/g;

function byPattern(text: string, from: number): number {
  SEVEN_AT.lastIndex = from;
  return SEVEN_AT.test(text) ? SEVEN_AT.lastIndex - 7 : -1;
}

/** Every place the pattern finds, one after another from each find plus one. */
function allStarts(find: (text: string, from: number) => number, text: string): number[] {
  const starts: number[] = [];
  for (let at = find(text, 0); at !== -1; at = find(text, at + 1)) starts.push(at);
  return starts;
}

// Phone characters, what the lookbehind refuses, and others, with the non-ASCII ones.
const CHARS = [...'0123456789 ()+-./:,_@#&=$%aZx\u00a0\u2010\u2013\u2014€£¥é\n'];

describe('sevenAt', () => {
  it('finds where the pattern finds, from any start', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...CHARS), { maxLength: 40 }).map((chars) => chars.join('')),
        fc.nat(40),
        (text, from) => {
          expect(allStarts(sevenAt, text)).toEqual(allStarts(byPattern, text));
          expect(sevenAt(text, from)).toBe(byPattern(text, from));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads a few cases as the pattern does', () => {
    for (const text of [
      'Call (212) 555-0100 today',
      'on 2026-11-05 at 12:30',
      '1.2345678 and 12:3045678 and €1234567',
      'x+1 212 555 0100',
      '+44 20 7946 0958',
      '123456',
    ])
      expect(allStarts(sevenAt, text)).toEqual(allStarts(byPattern, text));
  });
});
