import { describe, expect, it } from 'vitest';
import { countBacktracks, LINEAR_RUN } from '../../tests/support/backtracking';
import { findObfuscatedEmails } from './obfuscated-email';
import { runTextDetectors } from './text-pass';

const emailsIn = (text: string) => findObfuscatedEmails(text).map((finding) => finding.email);

/** A detached document built from markup (DOMParser keeps the HTML out of the live page). */
function page(body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><body>${body}</body></html>`,
    'text/html',
  );
}

describe('findObfuscatedEmails', () => {
  it('reads an obfuscated address as a normalised obfuscated-email finding', () => {
    expect(findObfuscatedEmails('Write to Ada [at] Example [dot] COM today')).toEqual([
      { email: 'ada@example.com', source: 'obfuscated-email', confidence: 0.5 },
    ]);
  });

  it.each([
    ['square brackets', 'ada [at] example [dot] com'],
    ['parentheses', 'ada (at) example (dot) com'],
    ['braces', 'ada{at}example{dot}com'],
    ['angle brackets', 'ada <at> example <dot> com'],
    ['no spaces', 'ada[at]example[dot]com'],
    ['spaces inside the brackets', 'ada [ at ] example [ dot ] com'],
    ['upper case', 'ADA [AT] EXAMPLE [DOT] COM'],
    ['a bracketed at and a real dot', 'ada (at) example.com'],
    ['a bracketed at, real dots, no spaces', 'ada(at)example.com'],
    ['words', 'ada at example dot com'],
    ['upper-case words', 'ada AT example DOT com'],
    ['a real @ and a bracketed dot', 'ada@example[dot]com'],
    ['a real @ and a word dot', 'ada @ example dot com'],
    ['period in brackets', 'ada [at] example [period] com'],
  ])('reads %s: %j', (_what, text) => {
    expect(emailsIn(`Contact: ${text}.`)).toEqual(['ada@example.com']);
  });

  it.each([
    ['a dotted local part', 'ada.lovelace [at] example [dot] org', 'ada.lovelace@example.org'],
    ['a word-dotted local part', 'ada dot lovelace at example dot org', 'ada.lovelace@example.org'],
    [
      'a bracket-dotted local part',
      'ada[dot]lovelace[at]example[dot]org',
      'ada.lovelace@example.org',
    ],
    ['a plus tag', 'ada+news (at) example.org', 'ada+news@example.org'],
    ['a subdomain', 'ada [at] mail [dot] example [dot] co [dot] uk', 'ada@mail.example.co.uk'],
    ['an international domain', 'zoë [at] bücher [dot] de', 'zoë@xn--bcher-kva.de'],
    ['a hyphenated domain', 'ada [at] my-company [dot] com', 'ada@my-company.com'],
  ])('reads %s', (_what, text, expected) => {
    expect(emailsIn(text)).toEqual([expected]);
  });

  it('reads several addresses in one text, in order', () => {
    expect(
      emailsIn('ada [at] example [dot] com or grace (at) navy.example, or bob at x dot org'),
    ).toEqual(['ada@example.com', 'grace@navy.example', 'bob@x.org']);
  });

  it.each([
    ['a sentence ending in "dot"', 'We meet at noon dot'],
    ['"meet at noon dot com"', 'We meet at noon dot com'],
    ['"at" without "dot"', 'Ada is at example.com this week'],
    ['"look at" a site', 'Take a look at example.com for details'],
    ['"at" and "dot" far apart', 'Ada is at home and the dot is red'],
    ['"at" a place', 'We will be at the office at noon.'],
    ['a time', 'Arrive at 5 dot 30'],
    ['a number after dot', 'ada at example dot 42'],
    ['a one-letter top-level domain', 'ada [at] example [dot] c'],
    ['no domain', 'ada [at] example'],
    ['no local part', '[at] example [dot] com'],
    ['a plain address', 'ada@example.com'],
    ['"at" inside a word', 'ada that example dot com'],
    ['a bracketed "at" inside a word', 'ada [attn] example [dot] com'],
    ['a double dot', 'ada [at] example [dot] [dot] com'],
    ['a domain starting with a hyphen', 'ada [at] -example [dot] com'],
    ['prose with both words', 'I stared at the dot on the wall'],
    ['"is at" with a dot word', 'it is at home dot com'],
  ])('does not read %s', (_what, text) => {
    expect(emailsIn(text)).toEqual([]);
  });

  it('finds nothing without an "at" or an @', () => {
    expect(findObfuscatedEmails('ada [dot] lovelace example [dot] com')).toEqual([]);
  });

  it('runs in the shared text pass, skipping form fields', () => {
    const doc = page(
      '<p>ada [at] example [dot] com</p><textarea>grace [at] navy [dot] mil</textarea>',
    );
    expect(
      runTextDetectors(doc, { at: [], digits: [], spelled: [findObfuscatedEmails] }).map(
        (f) => f.email,
      ),
    ).toEqual(['ada@example.com']);
  });

  it('reads a long page of prose and long runs of spaces without runaway backtracking', async () => {
    // Counted by the engine, not timed: see tests/support/backtracking.ts.
    const { result, excessive } = await countBacktracks(
      `import { findObfuscatedEmails } from './lib/detect/obfuscated-email';
       const prose = 'We look at the figures at noon, put a dot on the map at 5 dot 30 and (at) last stop. ';
       const run = () => [
         findObfuscatedEmails(prose.repeat(12_000)),
         findObfuscatedEmails('ada at example' + ' '.repeat(50_000) + 'dotcom'),
         findObfuscatedEmails('ada (at) ' + '['.repeat(20_000) + 'example dot com'),
       ].map((found) => found.length);`,
      LINEAR_RUN,
    );
    expect(excessive).toBe(0);
    expect(result).toEqual([0, 0, 0]);
  }, 60_000);
});
