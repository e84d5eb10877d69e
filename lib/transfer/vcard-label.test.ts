import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { PartySchema, type Party } from '../domain';
import { readVcards } from './vcard-read';
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
