import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { PartySchema, type Party } from '../domain';
import { detectLayout } from './csv-layouts';
import { partiesToContactsCsv, type LeftOut } from './csv-contacts';
import { partiesToCsv } from './csv-write';
import { neutralizeCell, restoreCell } from './formula';
import { draftsOf, readImportFile } from './prepare-import';

const party = (fields: Partial<Party>): Party =>
  PartySchema.parse({
    id: '00000000-0000-4000-8000-000000000001',
    type: 'person',
    name: 'Ada Lovelace',
    kind: 'client',
    kindHistory: [{ kind: 'client', at: 0 }],
    emails: ['ada@northwind.example'],
    phones: ['+442079460958'],
    domains: [],
    tags: [],
    notes: '',
    createdAt: 0,
    updatedAt: 0,
    ...fields,
  });

const rows = (csv: string) =>
  Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;

describe('CSV for contacts apps (Google, Outlook)', () => {
  it.each(['google', 'outlook'] as const)(
    '%s: a valid phone is written as is, every formula-like cell is guarded',
    (layout) => {
      const csv = partiesToContactsCsv(
        [
          party({
            nameParts: { given: '=HYPERLINK("x")', family: '＝SUM(A1)' },
            phones: ['+442079460958', '+33123455634'],
            phoneLabels: [{ value: '+33123455634', types: ['mobile'] }],
            notes: '＋1 and more',
            organizationName: '＠home',
            title: '－minus',
          }),
        ],
        layout,
      ).text;
      const [row] = rows(csv);
      const cells = Object.values(row!);
      expect(cells).toContain('+442079460958');
      expect(cells).toContain('+33123455634');
      expect(cells).not.toContain("'+442079460958");
      expect(cells).toContain('\'=HYPERLINK("x")');
      expect(cells).toContain("'＝SUM(A1)");
      expect(cells).toContain("'＋1 and more");
      expect(cells).toContain("'＠home");
      expect(cells).toContain("'－minus");
    },
  );

  it('the layouts are the ones the importer recognises', () => {
    const book = [party({ addresses: [{ types: ['work'], locality: 'London' }] })];
    const header = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, '')).data[0]!;
    expect(detectLayout(header(partiesToContactsCsv(book, 'google').text))).toBe('google-2023');
    expect(detectLayout(header(partiesToContactsCsv(book, 'outlook').text))).toBe('outlook');
  });

  it.each(['google', 'outlook'] as const)(
    '%s: read back, the honorific stays a name part, the job title the title, department and birthday their fields',
    (layout) => {
      const csv = partiesToContactsCsv(
        [
          party({
            nameParts: { prefix: 'Dr', given: 'Ada', additional: 'King', family: 'Lovelace' },
            title: 'Director',
            organizationName: 'Northwind',
            organizationUnits: ['Research'],
            nickname: layout === 'google' ? 'Countess' : undefined,
            birthday: '1815-12-10',
          }),
        ],
        layout,
      ).text;
      const file = readImportFile(new TextEncoder().encode(csv), `${layout}.csv`);
      if (!file.ok) throw new Error(file.error.message.code);
      const { drafts, problems } = draftsOf(file.value, 'client');
      expect(problems).toEqual([]);
      expect(drafts[0]!.value).toMatchObject({
        nameParts: { prefix: 'Dr', given: 'Ada', additional: 'King', family: 'Lovelace' },
        title: 'Director',
        organizationName: 'Northwind',
        organizationUnits: ['Research'],
        birthday: '1815-12-10',
        emails: ['ada@northwind.example'],
        phones: ['+442079460958'],
        ...(layout === 'google' ? { nickname: 'Countess' } : {}),
      });
      expect(drafts[0]!.value.notes).toBe('');
    },
  );

  it('the plain spreadsheet layout keeps guarding everything, phones included', () => {
    const [row] = rows(partiesToCsv([party({})]));
    expect(row!.Phones).toBe("'+442079460958");
  });

  it('guards full-width ＝＋－＠ as the ASCII ones, and reads its own guard back', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('=', '+', '-', '@', '＝', '＋', '－', '＠', "'=", "''＠"),
        fc.string(),
        (lead, rest) => {
          const value = lead + rest;
          expect(neutralizeCell(value).startsWith("'")).toBe(true);
          expect(restoreCell(neutralizeCell(value))).toBe(value);
        },
      ),
    );
  });

  const reimport = (text: string, name: string) => {
    const file = readImportFile(new TextEncoder().encode(text), name);
    if (!file.ok) throw new Error(file.error.message.code);
    const { drafts, problems } = draftsOf(file.value, 'client');
    expect(problems).toEqual([]);
    return drafts[0]!.value;
  };
  const HOME = {
    types: ['home'],
    street: 'Hauptstraße 5',
    extended: '3. OG',
    locality: 'Berlin',
    region: 'Berlin',
    postalCode: '10115',
    country: 'Deutschland',
    poBox: '12 34',
  } as const;
  const WORK = { types: ['work'], street: '1 Infinite Loop', locality: 'Cupertino' } as const;

  it('Google: every email, phone, address and website goes out and reads back', () => {
    const emails = ['a@one.example', 'b@two.example', 'c@three.example', 'd@four.example'];
    const phones = ['+442079460958', '+33123456789', '+4930123456', '+14155550100', '+81312345678'];
    const addresses = [HOME, WORK, { types: [], label: 'Boat', locality: 'Kiel' }];
    const sites = ['https://one.example', 'https://two.example', 'https://three.example'];
    const { text, leftOut } = partiesToContactsCsv(
      [
        party({}),
        party({
          emails,
          phones,
          emailLabels: [{ value: emails[1]!, types: ['work'] }],
          phoneLabels: [
            { value: phones[1]!, types: ['home'] },
            { value: phones[2]!, types: ['mobile'] },
            { value: phones[3]!, types: [], label: 'Studio' },
          ],
          addresses: addresses.map((a) => ({ ...a, types: [...a.types] })),
          website: sites[0],
          moreWebsites: sites.slice(1),
        }),
      ],
      'google',
    );
    expect(leftOut).toEqual({ emails: 0, phones: 0, addresses: 0, websites: 0, parties: 0 });
    const file = readImportFile(new TextEncoder().encode(text), 'google.csv');
    if (!file.ok) throw new Error(file.error.message.code);
    const back = draftsOf(file.value, 'client').drafts[1]!.value;
    expect(back).toMatchObject({ emails, phones, addresses, website: sites[0] });
    expect(back.moreWebsites).toEqual(sites.slice(1));
    expect(back.emailLabels).toEqual([{ value: emails[1], types: ['work'] }]);
    expect(back.phoneLabels).toEqual([
      { value: phones[1], types: ['home'] },
      { value: phones[2], types: ['mobile'] },
      { value: phones[3], types: [], label: 'Studio' },
    ]);
    expect(back.notes).toBe('');
  });

  it('Outlook: what fits its columns reads back; what does not is counted, never silent', () => {
    const phones = ['+442079460958', '+33123456789', '+4930123456', '+14155550100'];
    const book = [
      party({
        emails: ['a@one.example', 'b@two.example', 'c@three.example'],
        phones,
        phoneLabels: [
          { value: '+33123456789', types: ['home'] },
          { value: '+4930123456', types: ['mobile'] },
        ],
        addresses: [
          { ...HOME, types: ['home'] },
          { ...WORK, types: ['work'] },
          { types: [], locality: 'Kiel' },
        ],
        website: 'https://one.example',
      }),
    ];
    const { text, leftOut } = partiesToContactsCsv(book, 'outlook');
    expect(leftOut).toEqual({ emails: 0, phones: 0, addresses: 0, websites: 0, parties: 0 });
    const back = reimport(text, 'outlook.csv');
    expect(back.emails).toEqual(['a@one.example', 'b@two.example', 'c@three.example']);
    expect([...(back.phones ?? [])].sort()).toEqual([...phones].sort());
    // Outlook has no column for a phone without a type: it comes back a business one.
    expect(back.phoneLabels).toEqual(
      expect.arrayContaining([
        { value: '+33123456789', types: ['home'] },
        { value: '+4930123456', types: ['mobile'] },
        { value: '+442079460958', types: ['work'] },
      ]),
    );
    expect(back.addresses).toEqual(
      expect.arrayContaining([HOME, WORK, { types: ['other'], locality: 'Kiel' }]),
    );
    expect(back.addresses).toHaveLength(3);
    expect(back.website).toBe('https://one.example');
  });

  it.each(['google', 'outlook'] as const)(
    '%s: faxes and a pager go out typed and come back typed',
    (layout) => {
      const labels = [
        { value: '+442079460001', types: ['work', 'fax'] },
        { value: '+442079460002', types: ['home', 'fax'] },
        { value: '+447700900004', types: ['pager'] },
      ] as const;
      const book = [
        party({
          phones: labels.map((l) => l.value),
          phoneLabels: labels.map((l) => ({ value: l.value, types: [...l.types] })),
        }),
      ];
      const { text, leftOut } = partiesToContactsCsv(book, layout);
      expect(leftOut.phones).toBe(0);
      if (layout === 'outlook')
        expect(rows(text)[0]).toMatchObject({
          'Business Fax': '+442079460001',
          'Home Fax': '+442079460002',
          Pager: '+447700900004',
        });
      else
        expect(rows(text)[0]).toMatchObject({
          'Phone 1 - Label': 'Work Fax',
          'Phone 2 - Label': 'Home Fax',
          'Phone 3 - Label': 'Pager',
        });
      const back = reimport(text, `${layout}.csv`);
      expect(back.phoneLabels).toEqual(expect.arrayContaining(labels.map((l) => ({ ...l }))));
      expect(back.phoneLabels).toHaveLength(3);
      expect(back.notes).toBe('');
    },
  );

  it.each([
    [
      'a fourth email',
      { emails: ['a@x.example', 'b@x.example', 'c@x.example', 'd@x.example'] },
      { emails: 1 },
    ],
    [
      'a third mobile (Mobile Phone, then Other Phone)',
      {
        phones: ['+4930111111', '+4930222222', '+4930333333'],
        phoneLabels: ['+4930111111', '+4930222222', '+4930333333'].map((value) => ({
          value,
          types: ['mobile' as const],
        })),
      },
      { phones: 1 },
    ],
    [
      'a third home address (Home, then Other)',
      { addresses: [HOME, HOME, HOME].map((a) => ({ ...a, types: ['home' as const] })) },
      { addresses: 1 },
    ],
    [
      'a second website',
      { website: 'https://one.example', moreWebsites: ['https://two.example'] },
      { websites: 1 },
    ],
  ] as [string, Partial<Party>, Partial<LeftOut>][])(
    'Outlook: %s is counted as left out',
    (_, fields, counted) => {
      const { leftOut } = partiesToContactsCsv([party(fields), party({})], 'outlook');
      expect(leftOut).toEqual({
        emails: 0,
        phones: 0,
        addresses: 0,
        websites: 0,
        ...counted,
        parties: 1,
      });
    },
  );
});
