import emailAddresses from 'email-addresses';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBacktracks, LINEAR_RUN } from '../../tests/support/backtracking';
import { displayName } from './display-name';

/** What `email-addresses` reads as the name of `${phrase} <address>`: the reference. */
function reference(phrase: string): string | undefined {
  const parsed = emailAddresses.parseOneAddress({
    input: `${phrase} <ada@example.com>`,
    rfc6532: true,
  });
  return parsed?.type === 'mailbox' ? (parsed.name ?? undefined) : undefined;
}

// What display names, and text that only looks like one, are made of.
const piece = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom('Ada', 'Lovelace', 'J', "O'Brien", 'Zoë', '田中', 'x-y'),
  },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      ' ',
      '  ',
      '\t',
      '.',
      '"',
      '\\',
      '\\"',
      '(',
      ')',
      '(Acme)',
      '((a) b)',
      ',',
      ':',
      ';',
      '<',
      '>',
      '@',
      '[',
      ']',
      '\r\n',
      '\r\n ',
      '\r',
      '\n',
      '\u00a0',
      '\u0001',
      '\u0000',
      '\u{1F600}',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);

describe('displayName', () => {
  it.each([
    ['Ada Lovelace', 'Ada Lovelace'],
    ['"Hopper, Grace"', 'Hopper, Grace'],
    ['"Ada \\"Countess\\" Lovelace"', 'Ada "Countess" Lovelace'],
    ['  Ada   Lovelace  ', 'Ada Lovelace'],
    ['Ada (Acme Ltd) Lovelace', 'Ada Lovelace'],
    ['Ada (nested (comment)) Lovelace', 'Ada Lovelace'],
    ['J. R. R. Tolkien', 'J. R. R. Tolkien'],
    ['"Ada   Lovelace "', 'Ada Lovelace'],
    ['田中太郎', '田中太郎'],
    ['""', ''],
  ])('reads %j as %j', (phrase, name) => {
    expect(displayName(phrase)).toBe(name);
  });

  it.each([
    ['a comma outside quotes', 'Lovelace, Ada'],
    ['an unclosed quote', '"Ada Lovelace'],
    ['an unclosed comment', 'Ada (Acme'],
    ['a label', 'To: Ada'],
    ['an address', 'ada@example.com'],
    ['square brackets', 'Ada [work]'],
    ['a leading dot', '.Ada'],
    ['nothing', ''],
    ['only white space', '   '],
  ])('reads nothing in %s', (_what, phrase) => {
    expect(displayName(phrase)).toBeUndefined();
  });

  it('reads what email-addresses reads, on generated display names', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const phrase = pieces.join('');
        expect(displayName(phrase)).toBe(reference(phrase));
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('reads what email-addresses reads, on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (phrase) => {
        expect(displayName(phrase)).toBe(reference(phrase));
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('reads long hostile input without runaway backtracking, as it reads it here', async () => {
    const phrases = ['('.repeat(20_000), '"'.repeat(20_000), 'a.'.repeat(20_000)];
    // Counted by the engine, not timed: see tests/support/backtracking.ts.
    const { result, excessive } = await countBacktracks(
      `import { displayName } from './lib/detect/display-name';
       const run = () => ${JSON.stringify(phrases)}.map((phrase) => displayName(phrase) ?? null);`,
      LINEAR_RUN,
    );
    expect(excessive).toBe(0);
    expect(result).toEqual(phrases.map((phrase) => displayName(phrase) ?? null));
  }, 60_000);
});
