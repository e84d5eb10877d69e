import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { PartySchema, type Party } from '../domain';
import { readVcards } from './vcard-read';
import { paramValue } from './vcard-label';
import { partiesToVcards } from './vcard-write';

const party = (fields: Partial<Party>): Party =>
  PartySchema.parse({
    id: '00000000-0000-4000-8000-000000000001',
    type: 'person',
    name: 'Ada Lovelace',
    kind: 'client',
    kindHistory: [{ kind: 'client', at: 0 }],
    emails: [],
    phones: [],
    domains: [],
    tags: [],
    notes: '',
    createdAt: 0,
    updatedAt: 0,
    ...fields,
  });

const WORK = { types: ['work' as const], street: '1 Main St', locality: 'Springfield' };
const HOME = { types: ['home' as const], street: '2 Side St' };
const WORK_LABEL = 'LABEL;TYPE=WORK:1 Main St\\nSpringfield\\, IL "62701" ^x';

/* A kept 2.1/3.0 LABEL, one row per case: what the 4.0 ADRs carry, what 3.0 keeps. */
const ROWS: [string, Partial<Party>, (string | undefined)[], string[]][] = [
  [
    'a LABEL of an address’s type is that ADR’s LABEL parameter',
    { addresses: [HOME, WORK], cardProperties: [WORK_LABEL, 'X-FOO:bar'] },
    [undefined, '1 Main St\nSpringfield, IL "62701" ^x'],
    [WORK_LABEL],
  ],
  [
    'a LABEL without a type belongs to the first address',
    { addresses: [HOME, WORK], cardProperties: ['LABEL:2 Side St'] },
    ['2 Side St', undefined],
    ['LABEL:2 Side St'],
  ],
  [
    'a LABEL no address has the type of is left out of 4.0, kept in 3.0',
    { addresses: [HOME], cardProperties: [WORK_LABEL] },
    [undefined],
    [WORK_LABEL],
  ],
];

describe('a kept LABEL in 4.0 and 3.0 exports', () => {
  it.each(ROWS)('%s', (_, fields, adrLabels, kept3) => {
    const book = [party(fields)];
    const v4 = partiesToVcards(book, '4.0');
    expect(v4.replace(/\r\n /g, '')).not.toMatch(/^([^.:;\r\n]+\.)?LABEL[;:]/im);
    // ical.js reads the file, and the parameter, back.
    const card = new ICAL.Component(ICAL.parse(v4) as unknown[]);
    expect(card.getAllProperties('adr').map((adr) => adr.getParameter('label'))).toEqual(
      adrLabels.map((label) => label ?? undefined),
    );
    // So does ours, with the addresses whole.
    const read = readVcards(v4, 'client');
    expect(read.problems).toEqual([]);
    expect(read.drafts[0]!.value.addresses).toEqual(fields.addresses);

    const v3 = partiesToVcards(book, '3.0');
    const unfolded = v3.replace(/\r\n /g, '').split('\r\n');
    for (const line of kept3) expect(unfolded).toContain(line);
    expect(v3).not.toMatch(/;LABEL=/);
  });
});

const card = (version: string, body: string[]) =>
  ['BEGIN:VCARD', `VERSION:${version}`, 'FN:Ada Lovelace', ...body, 'END:VCARD', ''].join('\r\n');
const draftOf = (text: string) => {
  const read = readVcards(text, 'client');
  expect(read.problems).toEqual([]);
  return read.drafts[0]!.value;
};
/** The draft as a stored party, so it can be exported again. */
const stored = (text: string) => party(draftOf(text));
const adrLabels = (v4: string) =>
  new ICAL.Component(ICAL.parse(v4) as unknown[])
    .getAllProperties('adr')
    .map((adr) => adr.getParameter('label'));
const MAIN_ST = '1 Main St\nSpringfield, IL 62701';

/* The same card in each version: one record, whatever the version it came in. */
const SAME_CARD: [string, string][] = [
  [
    '2.1 (a QP LABEL after its ADR)',
    card('2.1', [
      'ADR;HOME:;;2 Side St;Springfield;;;',
      'ADR;WORK:;;1 Main St;Springfield;IL;62701;',
      'LABEL;WORK;ENCODING=QUOTED-PRINTABLE:1 Main St=0D=0ASpringfield, IL 62701',
    ]),
  ],
  [
    '3.0 (a LABEL property)',
    card('3.0', [
      'ADR;TYPE=HOME:;;2 Side St;Springfield;;;',
      'ADR;TYPE=WORK:;;1 Main St;Springfield;IL;62701;',
      'LABEL;TYPE=WORK:1 Main St\\nSpringfield\\, IL 62701',
    ]),
  ],
  [
    '4.0 (the LABEL parameter of its ADR)',
    card('4.0', [
      'ADR;TYPE=home:;;2 Side St;Springfield;;;',
      'ADR;TYPE=work;LABEL="1 Main St^nSpringfield, IL 62701":;;1 Main St;Springfield;IL;62701;',
    ]),
  ],
];

describe('an address label through Clientele, in every version', () => {
  it.each(SAME_CARD)('%s: kept with the record, and written back in 4.0 and 3.0', (_, text) => {
    const draft = draftOf(text);
    expect(draft.cardProperties).toEqual(['LABEL;TYPE=WORK:1 Main St\\nSpringfield\\, IL 62701']);
    expect(draft.addresses).toHaveLength(2);

    const v4 = partiesToVcards([stored(text)], '4.0');
    expect(adrLabels(v4)).toEqual([undefined, MAIN_ST]);
    const v3 = partiesToVcards([stored(text)], '3.0');
    expect(v3).toContain('\r\nLABEL;TYPE=WORK:1 Main St\\nSpringfield\\, IL 62701\r\n');
    // And again: neither export loses it or doubles it.
    for (const again of [v4, v3]) {
      expect(draftOf(again).cardProperties).toEqual(draft.cardProperties);
      expect(draftOf(again).addresses).toEqual(draft.addresses);
      expect(adrLabels(partiesToVcards([stored(again)], '4.0'))).toEqual([undefined, MAIN_ST]);
    }
  });

  it.each<[string, string[], (string | undefined)[]]>([
    [
      'the second of two work addresses keeps its own label',
      [
        'ADR;TYPE=work:;;1 Main St;Springfield;;;',
        'ADR;TYPE=work;LABEL="9 Dock Rd^nPortsmouth":;;9 Dock Rd;Portsmouth;;;',
      ],
      [undefined, '9 Dock Rd\nPortsmouth'],
    ],
    [
      'an address without a type, after a typed one',
      ['ADR;TYPE=home:;;2 Side St;;;;', 'ADR;LABEL="Box 7, Kiel":;;;Kiel;;;'],
      [undefined, 'Box 7, Kiel'],
    ],
    [
      'each of several labelled addresses',
      [
        'ADR;TYPE=home;LABEL="2 Side St":;;2 Side St;;;;',
        'ADR;TYPE=work;LABEL=1 Main St:;;1 Main St;;;;',
      ],
      ['2 Side St', '1 Main St'],
    ],
  ])('4.0 → record → 4.0: %s', (_, body, expected) => {
    const text = card('4.0', body);
    expect(adrLabels(text)).toEqual(expected);
    expect(adrLabels(partiesToVcards([stored(text)], '4.0'))).toEqual(expected);
  });
});

describe('address labels, property', () => {
  const addressArb = fc.record({
    types: fc.uniqueArray(fc.constantFrom('work' as const, 'home' as const, 'other' as const), {
      maxLength: 2,
    }),
    labelled: fc.boolean(),
    // Below the street's own line: hostile text, line breaks and `^` included.
    rest: fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        'a\r\nEND:VCARD',
        'semi;colon, "quoted" ^n',
        'back\\slash',
        'not a break: \\N',
      ),
    ),
  });

  it('4.0 → record → 4.0, and → 3.0 → record → 4.0: each address keeps its own label', () => {
    fc.assert(
      fc.property(fc.array(addressArb, { minLength: 1, maxLength: 5 }), (list) => {
        const adrs = list.map(({ types, labelled, rest }, i) => {
          const street = `${i + 1} Street`;
          const tail = rest.replace(/\r\n?/g, '\n').trim();
          const label = labelled ? (tail ? `${street}\n${tail}` : street) : undefined;
          const type = types.length > 0 ? `;TYPE=${types.join(',')}` : '';
          const param = label === undefined ? '' : `;LABEL=${paramValue(label)}`;
          return { line: `ADR${type}${param}:;;${street};;;;`, label };
        });
        const text = card(
          '4.0',
          adrs.map((a) => a.line),
        );
        const expected = adrs.map((a) => a.label);
        expect(adrLabels(text)).toEqual(expected);
        const v4 = partiesToVcards([stored(text)], '4.0');
        expect(adrLabels(v4)).toEqual(expected);
        const v3 = partiesToVcards([stored(text)], '3.0');
        expect(adrLabels(partiesToVcards([stored(v3)], '4.0'))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
