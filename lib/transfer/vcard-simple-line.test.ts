import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { readWithIcal } from './vcard-parse';
import { readSimpleLine, type DesignTables } from './vcard-simple-line';

const NAMES = ['FN', 'N', 'NICKNAME', 'ORG', 'TITLE', 'EMAIL', 'TEL', 'URL', 'ADR', 'LABEL'];
const MORE = ['BDAY', 'ANNIVERSARY', 'PHOTO', 'NOTE', 'CATEGORIES', 'KIND', 'GEO', 'REV', 'X-FOO'];
const PARAMS = [
  'TYPE=work',
  'TYPE=HOME,cell',
  'type=pref,,x',
  'TYPE=',
  'PREF=1',
  'VALUE=uri',
  'VALUE=TEXT',
  'value=date',
  'VALUE=integer',
  'VALUE=boolean',
  'ENCODING=b',
  'X-APPLE-OMIT-YEAR=1604',
  'MEDIATYPE=image/png',
  'X-A=b=c',
  'CELL',
  '=x',
  '',
  'TYPE=work;TYPE=home',
  'TYPE="a,b"',
];
const PIECES = [
  'Ada',
  ';',
  ',',
  ':',
  '=',
  ' ',
  'T',
  '-',
  '1990',
  '0415',
  '--',
  'tel:+1',
  'é',
  '.',
  '\\,',
  '^n',
  '"',
];
const lineArb = fc
  .tuple(
    fc.constantFrom('', 'item1.', 'A.b.'),
    fc.constantFrom(...NAMES, ...MORE, 'x-abdate', 'Tel'),
    fc.array(fc.constantFrom(...PARAMS), { maxLength: 3 }),
    fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }),
  )
  .map(
    ([group, name, params, value]) =>
      `${group}${name}${params.map((p) => `;${p}`).join('')}:${value.join('')}`,
  );

/** What ical.js gives, or that it refused the line. */
const byIcal = (line: string, design: typeof ICAL.design.vcard) =>
  readWithIcal(line, design) ?? 'refused';
function bySimple(line: string, design: typeof ICAL.design.vcard) {
  try {
    return readSimpleLine(line, design);
  } catch {
    return 'refused';
  }
}

describe('readSimpleLine', () => {
  it('reads every line it takes exactly as ical.js does, in 3.0 and 4.0', () => {
    let taken = 0;
    fc.assert(
      fc.property(
        lineArb,
        fc.constantFrom(ICAL.design.vcard, ICAL.design.vcard3),
        (line, design) => {
          const simple = bySimple(line, design);
          if (simple === null) return;
          taken++;
          expect(simple).toEqual(byIcal(line, design));
        },
      ),
      { numRuns: 3000 },
    );
    // Most generated lines are simple: a reader that declined them all would pass above.
    expect(taken).toBeGreaterThan(500);
  });

  it('declines quotes, escapes, carets, bare and repeated parameters', () => {
    for (const line of [
      'FN:a\\,b',
      'LABEL;X="a:b":c',
      'FN;X=^n:a',
      'TEL;CELL:1',
      'TEL;TYPE=work;TYPE=home:1',
      'TEL;=x:1',
      'FN',
    ])
      expect(readSimpleLine(line, ICAL.design.vcard3 as unknown as DesignTables)).toBeNull();
  });

  it('reads structured, multi-valued and typed values as ical.js does', () => {
    const v3 = ICAL.design.vcard3 as unknown as DesignTables;
    expect(readSimpleLine('N:Lovelace;Ada;;;', v3)).toEqual({
      value: ['Lovelace', 'Ada', '', '', ''],
      values: [],
      params: {},
    });
    expect(readSimpleLine('item1.EMAIL;TYPE=work,pref:a@b.org', v3)).toEqual({
      value: 'a@b.org',
      values: [],
      params: { type: ['work', 'pref'], group: 'item1' },
    });
    expect(readSimpleLine('NICKNAME:Ada,Countess', v3)).toEqual({
      value: 'Ada',
      values: ['Countess'],
      params: {},
    });
    expect(readSimpleLine('BDAY:19900415', v3)?.value).toBe('1990-04-15');
  });
});
