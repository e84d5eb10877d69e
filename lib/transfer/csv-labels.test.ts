import { describe, expect, it } from 'vitest';
import { PartySchema } from '../domain';
import { draftsOf, readImportFile } from './prepare-import';
import { readVcards } from './vcard-read';
import { partiesToVcards } from './vcard-write';

/* One row per exporter: its phone columns in, the record's phone types out. */
const read = (csv: string) => {
  const file = readImportFile(new TextEncoder().encode(csv), 'contacts.csv');
  if (!file.ok) throw new Error(file.error.message.code);
  return draftsOf(file.value, 'customer');
};
const csv = (header: string[], row: string[]) =>
  `${header.map((h) => `"${h}"`).join(',')}\r\n${row.map((c) => `"${c}"`).join(',')}\r\n`;

describe('CSV phone types, by exporter', () => {
  it.each<[string, string[], string[], object[]]>([
    [
      'Outlook and Thunderbird name the type in the header',
      ['Name', 'Mobile Phone', 'Home Phone', 'Business Phone', 'Work Phone', 'Other Phone'],
      ['Ada', '+4930111', '+4930222', '+4930333', '+4930444', '+4930555'],
      [
        { value: '+4930111', types: ['mobile'] },
        { value: '+4930222', types: ['home'] },
        { value: '+4930333', types: ['work'] },
        { value: '+4930444', types: ['work'] },
        { value: '+4930555', types: ['other'] },
      ],
    ],
    [
      'Google gives it in the Label cell, several values sharing one',
      ['Name', 'Phone 1 - Label', 'Phone 1 - Value', 'Phone 2 - Type', 'Phone 2 - Value'],
      ['Ada', 'Work Fax', '+4930111 ::: +4930222', 'Studio', '+4930333'],
      [
        { value: '+4930111', types: ['work', 'fax'] },
        { value: '+4930222', types: ['work', 'fax'] },
        { value: '+4930333', types: [], label: 'Studio' },
      ],
    ],
    [
      'Outlook: its fax and pager columns are phones of those types',
      ['First Name', 'Last Name', 'Business Fax', 'Home Fax', 'Other Fax', 'Pager'],
      [
        'Ada',
        'Lovelace',
        '+44 20 7946 0001',
        '+44 20 7946 0002',
        '+44 20 7946 0003',
        '+44 7700 900004',
      ],
      [
        { value: '+44 20 7946 0001', types: ['work', 'fax'] },
        { value: '+44 20 7946 0002', types: ['home', 'fax'] },
        { value: '+44 20 7946 0003', types: ['other', 'fax'] },
        { value: '+44 7700 900004', types: ['pager'] },
      ],
    ],
    [
      'Google (2019): Fax and Pager in the Type cells',
      ['Name', 'Phone 1 - Type', 'Phone 1 - Value', 'Phone 2 - Type', 'Phone 2 - Value'],
      ['Ada', 'Home Fax', '+4930111', 'Pager', '+4930222'],
      [
        { value: '+4930111', types: ['home', 'fax'] },
        { value: '+4930222', types: ['pager'] },
      ],
    ],
    ['a plain Phone column has no type', ['Name', 'Phone'], ['Ada', '+4930111'], []],
  ])('phone types: %s', (_, header, row, labels) => {
    const { drafts } = read(csv(header, row));
    expect(drafts[0]!.value.phoneLabels ?? []).toEqual(labels);
    // Read into typed phones, none of them is left in the notes.
    expect(drafts[0]!.value.notes).toBe('');
  });
});

describe('an Outlook fax and pager, on into vCard', () => {
  it('become typed TEL lines in 4.0 and 3.0, which read back with their types', () => {
    const header = ['First Name', 'Last Name', 'Business Phone', 'Business Fax', 'Pager'];
    // As the store keeps them (E.164), so the record is the draft.
    const row = ['Ada', 'Lovelace', '+442079460000', '+442079460001', '+447700900004'];
    const draft = read(csv(header, row)).drafts[0]!.value;
    const party = PartySchema.parse({
      ...draft,
      id: '00000000-0000-4000-8000-000000000001',
      kindHistory: [{ kind: 'customer', at: 0 }],
      domains: [],
      createdAt: 0,
      updatedAt: 0,
    });
    const v4 = partiesToVcards([party], '4.0');
    expect(v4).toContain('TEL;VALUE=uri;TYPE=work,fax:tel:+442079460001\r\n');
    expect(v4).toContain('TEL;VALUE=uri;TYPE=pager:tel:+447700900004\r\n');
    const v3 = partiesToVcards([party], '3.0');
    expect(v3).toContain('TEL;TYPE=WORK,FAX:+442079460001\r\n');
    expect(v3).toContain('TEL;TYPE=PAGER:+447700900004\r\n');
    for (const text of [v4, v3])
      expect(readVcards(text, 'customer').drafts[0]!.value.phoneLabels).toEqual(draft.phoneLabels);
  });
});
