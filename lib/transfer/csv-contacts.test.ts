import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { PartySchema, type Party } from '../domain';
import { detectLayout } from './csv-layouts';
import { partiesToContactsCsv } from './csv-contacts';
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
      );
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
    expect(detectLayout(header(partiesToContactsCsv(book, 'google')))).toBe('google-2023');
    expect(detectLayout(header(partiesToContactsCsv(book, 'outlook')))).toBe('outlook');
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
      );
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
});
