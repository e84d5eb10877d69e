import { describe, expect, it } from 'vitest';
import { countBacktracks, LINEAR_RUN } from '../../tests/support/backtracking';
import { findNameAddresses } from './name-address';
import { runTextDetectors } from './text-pass';

const pairsIn = (text: string) => findNameAddresses(text).map((f) => [f.name, f.email]);

/** A detached document built from markup (DOMParser keeps the HTML out of the live page). */
function page(body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><body>${body}</body></html>`,
    'text/html',
  );
}

describe('findNameAddresses', () => {
  it('reads `Name <address>` as a named, normalised name-address finding', () => {
    expect(findNameAddresses('Ada Lovelace <Ada@Example.COM>')).toEqual([
      { email: 'ada@example.com', name: 'Ada Lovelace', source: 'name-address', confidence: 0.75 },
    ]);
  });

  it('reads a list mixing plain and "Last, First" names', () => {
    expect(pairsIn('Ada Lovelace <ada@x.com>, "Hopper, Grace" <grace@y.com>')).toEqual([
      ['Ada Lovelace', 'ada@x.com'],
      ['Grace Hopper', 'grace@y.com'],
    ]);
  });

  it.each([
    ['a single name', 'Ada <ada@x.com>', 'Ada'],
    ['no space before the bracket', 'Ada Lovelace<ada@x.com>', 'Ada Lovelace'],
    ['spaces inside the brackets', 'Ada Lovelace < ada@x.com >', 'Ada Lovelace'],
    ['a header label', 'From: Ada Lovelace <ada@x.com>', 'Ada Lovelace'],
    ['a quoted header', 'To: "Hopper, Grace" <ada@x.com>', 'Grace Hopper'],
    ['a quoted plain name', '"Ada Lovelace" <ada@x.com>', 'Ada Lovelace'],
    [
      'a quoted name with escaped quotes',
      '"Ada \\"Countess\\" Lovelace" <ada@x.com>',
      'Ada "Countess" Lovelace',
    ],
    ['a quoted multi-word last name', '"van Rossum, Guido" <ada@x.com>', 'Guido van Rossum'],
    ['a quoted name with a suffix', '"Ada Lovelace, PhD" <ada@x.com>', 'Ada Lovelace, PhD'],
    ['a particle', 'Guido van Rossum <ada@x.com>', 'Guido van Rossum'],
    ['a leading particle', 'de la Cruz <ada@x.com>', 'Cruz'],
    ['an apostrophe', "Siobhán O'Brien <ada@x.com>", "Siobhán O'Brien"],
    ['a hyphen', 'Jean-Luc Picard <ada@x.com>', 'Jean-Luc Picard'],
    ['initials', 'J. R. R. Tolkien <ada@x.com>', 'J. R. R. Tolkien'],
    ['a title', 'Dr. Ada Lovelace <ada@x.com>', 'Dr. Ada Lovelace'],
    ['diacritics', 'Zoë Ångström <ada@x.com>', 'Zoë Ångström'],
    ['a script without case', '田中太郎 <ada@x.com>', '田中太郎'],
    ['prose before the name', 'please contact Ada Lovelace <ada@x.com> today', 'Ada Lovelace'],
    ['a call to action before the name', 'Contact Ada Lovelace <ada@x.com>', 'Ada Lovelace'],
    ['a greeting before the name', 'Thanks. Ada <ada@x.com>', 'Ada'],
    [
      'a long run of capitals',
      'The Royal Society Of Great Britain Ada Lovelace <ada@x.com>',
      'Of Great Britain Ada Lovelace',
    ],
    ['a mailto: inside the brackets', 'Ada Lovelace <mailto:ada@x.com>', 'Ada Lovelace'],
  ])('reads %s', (_what, text, name) => {
    expect(pairsIn(text)).toEqual([[name, 'ada@x.com']]);
  });

  it('normalises an international address', () => {
    expect(pairsIn('Zoë <Zoë@Bücher.de>')).toEqual([['Zoë', 'zoë@xn--bcher-kva.de']]);
  });

  it('reads lists separated by semicolons, and skips unnamed entries', () => {
    expect(pairsIn('Cc: Ada <ada@x.com>; <anon@x.com>; "Hopper, Grace" <grace@y.com>')).toEqual([
      ['Ada', 'ada@x.com'],
      ['Grace Hopper', 'grace@y.com'],
    ]);
  });

  it('does not let one entry’s name leak into the next', () => {
    expect(pairsIn('Ada <ada@x.com> <grace@y.com>')).toEqual([['Ada', 'ada@x.com']]);
  });

  it.each([
    ['a bare address in brackets', '<ada@x.com>'],
    ['the address as its own name', 'ada@x.com <ada@x.com>'],
    ['a quoted address as the name', '"ada@x.com" <ada@x.com>'],
    ['an empty quoted name', '"" <ada@x.com>'],
    ['a lower-case lead-in', 'please write to <ada@x.com>'],
    ['only a call to action', 'Email <ada@x.com>'],
    ['only a label', 'Contact: <ada@x.com>'],
    ['only a greeting', 'Hi <ada@x.com>'],
    ['a number', '42 <ada@x.com>'],
    ['an invalid address', 'Ada <ada@@x.com>'],
    ['a host without a domain', 'Ada <ada@localhost>'],
    ['a non-address', 'Ada <not an address>'],
    ['an unclosed bracket', 'Ada <ada@x.com'],
    ['spaces in the address', 'Ada <ada lovelace@x.com>'],
    ['a comparison', 'if A < b and c@d.com > e'],
    ['an address with no angle brackets', 'Ada Lovelace ada@x.com'],
    ['no @ at all', 'Ada <ada.x.com>'],
  ])('does not read %s', (_what, text) => {
    expect(findNameAddresses(text)).toEqual([]);
  });

  it('runs in the shared text pass, reading escaped markup as text and skipping scripts', () => {
    const doc = page(
      '<p>Ada Lovelace &lt;ada@x.com&gt;</p><script>var s = "Grace <grace@y.com>"</script>',
    );
    expect(
      runTextDetectors(doc, { at: [findNameAddresses], digits: [], spelled: [] }).map((f) => [
        f.name,
        f.email,
      ]),
    ).toEqual([['Ada Lovelace', 'ada@x.com']]);
  });

  it('reads a long list without runaway backtracking', async () => {
    const quoted = Array.from({ length: 500 }, (_, i) => `"Hopper, Grace" <g${i}@y.com>`);
    expect(findNameAddresses(quoted.join(', '))).toHaveLength(500);
    // Counted by the engine, not timed: see tests/support/backtracking.ts.
    const { result, excessive } = await countBacktracks(
      `import { findNameAddresses } from './lib/detect/name-address';
       const run = () => findNameAddresses(
         Array.from({ length: 5_000 }, (_, i) => \`Ada Lovelace <ada\${i}@x.com>\`).join(', '),
       ).length;`,
      LINEAR_RUN,
    );
    expect(excessive).toBe(0);
    expect(result).toBe(5_000);
  }, 60_000);
});

describe('findNameAddresses in wrapped HTML text', () => {
  it('reads a name that a formatter put on the line before the address', () => {
    expect(findNameAddresses('. Press: Jo Park\n      <press@harbourlane.example>.\n')).toEqual([
      {
        email: 'press@harbourlane.example',
        name: 'Jo Park',
        source: 'name-address',
        confidence: 0.75,
      },
    ]);
  });
});
