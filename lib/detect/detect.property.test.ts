import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBacktracks, LINEAR_RUN } from '../../tests/support/backtracking';
import { detectContacts, TEXT_DETECTORS } from './index';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const context = { url: 'https://hostile.example/' };
const allTextDetectors = [
  ...TEXT_DETECTORS.at,
  ...TEXT_DETECTORS.digits,
  ...TEXT_DETECTORS.spelled,
];

// Pieces hostile or careless pages are made of: contact-like text, markup, script.
const fragment = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    'ada@example.com',
    'Ada <ada@example.com>',
    '"Lovelace, Ada" <ada@example.com>',
    '+1 (212) 555-0100 ext. 7',
    'name [at] example [dot] com',
    '<a href="mailto:%E0%A4%A">x</a>',
    '<a href="mailto:a@b.com,,,?cc=c@d.com">x</a>',
    '<a href="tel:+1-212-555-0100;ext=1">x</a>',
    '<script type="application/ld+json">{"@graph":[{"@type":"Person","email":["a@b.com"],"worksFor":{"@id":"#o"}}]}</script>',
    '<script type="application/ld+json">{"@type":</script>',
    '<div class="h-card"><span class="p-name">',
    '<div itemscope itemtype="https://schema.org/Person"><span itemprop="email">',
    '<div class="adn"><span class="gD" email="x@y.com" name="X">',
    '<div id="ReadingPaneContainerId"><button title="A <a@b.com>">',
    '<div class="a3s">Best regards,<br>Ada Lovelace<br>T: +44 20 7946 0958</div>',
    '<img src=x onerror=alert(1)>',
    '<div contenteditable>secret@x.com</div>',
    '</div></span></a>',
  ),
);

describe('detection on random and hostile markup', () => {
  // How long it takes is the benchmark's business; that no pattern runs away on
  // hostile text is counted below.
  it('never throws on generated documents', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 60 }), (pieces) => {
        const doc = parse(pieces.join(''));
        expect(Array.isArray(detectContacts(doc, context))).toBe(true);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('never throws on arbitrary Unicode text in any text detector', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (text) => {
        for (const detect of allTextDetectors) expect(Array.isArray(detect(text))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  const hostile: [string, string][] = [
    ['a long run before an @', `'a'.repeat(50_000) + '@'`],
    ['many @ signs', `'@'.repeat(50_000)`],
    ['a long digit run', `'1'.repeat(50_000)`],
    ['digits and separators', `'1 2-3.'.repeat(20_000)`],
    ['angle brackets', `'<'.repeat(20_000) + 'a@b.com' + '>'.repeat(20_000)`],
    ['spelled at and dot', `' at dot '.repeat(20_000)`],
    ['a long run of spaces', `'ada at x' + ' '.repeat(50_000) + 'dot'`],
    ['nested quotes', `'"'.repeat(20_000) + ' <a@b.com>'`],
  ];
  it.each(hostile)(
    'runs no pattern away on %s',
    async (_what, text) => {
      // Counted by the engine, not timed: see tests/support/backtracking.ts.
      const { result, excessive } = await countBacktracks(
        `import { TEXT_DETECTORS } from './lib/detect/index';
       const text = ${text};
       const run = () =>
         [...TEXT_DETECTORS.at, ...TEXT_DETECTORS.digits, ...TEXT_DETECTORS.spelled].map(
           (detect) => Array.isArray(detect(text)),
         );`,
        LINEAR_RUN,
      );
      expect(excessive).toBe(0);
      expect(result).toEqual(allTextDetectors.map(() => true));
    },
    60_000,
  );

  it('reads a deeply nested document to the end', () => {
    const depth = 2000;
    const html =
      '<div>'.repeat(depth) + 'deep@example.com +1 212 555 0100' + '</div>'.repeat(depth);
    const doc = parse(html);
    const contacts = detectContacts(doc, context);
    expect(contacts.flatMap((contact) => contact.emails)).toEqual(['deep@example.com']);
  });
});
