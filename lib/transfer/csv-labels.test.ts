import { describe, expect, it } from 'vitest';
import { draftsOf, readImportFile } from './prepare-import';

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
    ['a plain Phone column has no type', ['Name', 'Phone'], ['Ada', '+4930111'], []],
  ])('phone types: %s', (_, header, row, labels) => {
    const { drafts } = read(csv(header, row));
    expect(drafts[0]!.value.phoneLabels ?? []).toEqual(labels);
  });
});
