import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PartyDraft } from '../domain';
import { detectLayout, suggestMapping } from './csv-layouts';
import { readCsv } from './csv-read';
import { draftsFromRows } from './csv-rows';
import { interactionsToCsv, partiesToCsv } from './csv-write';
import { decodeText } from './decode';
import { neutralizeCell, restoreCell } from './formula';
import { partyArb } from '../../tests/support/test-books';
import { say, wordProblems } from '../ui/ui-text';

const fixture = (name: string) =>
  decodeText(new Uint8Array(readFileSync(`tests/fixtures/transfer/${name}`))).text;

function importCsv(text: string, kind: PartyDraft['kind'] = 'customer') {
  const table = readCsv(text);
  if (!table.ok) throw new Error(table.error.message.code);
  const mapping = suggestMapping(table.value.header);
  const result = draftsFromRows(table.value.header, table.value.rows, mapping, kind);
  return {
    ...result,
    table: table.value,
    mapping,
    problems: [...table.value.problems, ...result.problems],
  };
}

/** Imports read every line break as `\n` and trim cells. */
const lines = (value: string) => value.replace(/\r\n?/g, '\n').trim();

const byName = (drafts: { value: PartyDraft }[], name: string) =>
  drafts.find((d) => d.value.name === name)?.value;

describe('Google Contacts CSV', () => {
  it('recognises the layout and reads names, emails, phones, organization, title, notes and labels', () => {
    const { drafts, problems, table } = importCsv(fixture('google.csv'));
    expect(detectLayout(table.header)).toBe('google');
    const ada = byName(drafts, 'Ada Lovelace');
    expect(ada).toMatchObject({
      type: 'person',
      kind: 'customer',
      emails: ['ada@northwind.example', 'ada.king@home.example'],
      phones: ['+44 20 7946 0958'],
      organizationName: 'Northwind Analytics',
      title: 'Director',
      website: 'https://northwind.example',
      tags: ['Clients'],
    });
    // Columns without a field are kept in the notes, not lost; address parts are not repeated.
    expect(ada?.notes).toContain('Met at the Analytical Society.\nPrefers mornings.');
    expect(ada?.birthday).toBe('1815-12-10');
    expect(ada?.notes).not.toContain('Birthday');
    expect(ada?.notes).toContain("Address 1 - Formatted: 12 St James's Square\nLondon");
    expect(ada?.addresses).toEqual([{ types: [], locality: 'London' }]);
    expect(ada?.notes).not.toContain('Address 1 - City');
    expect(byName(drafts, 'Zoë Ångström')).toMatchObject({
      phones: ['+46 70 123 45 67', '+46 8 123 456 78'],
      tags: ['Prospects', 'Nordics'],
      organizationName: 'Ångström & Söner, AB',
    });
    expect(byName(drafts, 'יעל כהן')?.notes).toBe('שיחה ראשונה 🙂');
    expect(byName(drafts, 'Contoso Ltd')).toMatchObject({
      type: 'organization',
      emails: ['hello@contoso.example'],
    });
    expect(wordProblems(problems.filter((p) => p.severity === 'error'))).toEqual([
      // Ada's row spans lines 2–5 (its notes and address hold line breaks).
      { severity: 'error', line: 7, message: '“not-an-address” is not an email address.' },
      { severity: 'error', line: 10, message: 'No name and no email address.' },
    ]);
  });

  it('reads the 2023 layout (First Name … E-mail 1 - Value, Labels) with a BOM', () => {
    const { drafts, table } = importCsv(fixture('google-2023.csv'));
    expect(detectLayout(table.header)).toBe('google-2023');
    expect(byName(drafts, 'Rear Admiral Grace Hopper')).toMatchObject({
      organizationName: 'US Navy',
      title: 'Computer Scientist',
      tags: ['Clients'],
      phones: ['+1 202-555-0142'],
    });
    expect(byName(drafts, 'Marcus Chen')?.emails).toEqual([
      'marcus.chen@northwind.example',
      'marcus@chen.example',
    ]);
  });
});

describe('Outlook CSV', () => {
  it('reads windows-1252 bytes, Outlook columns, and lists a bad address by line', () => {
    const bytes = new Uint8Array(readFileSync('tests/fixtures/transfer/outlook.csv'));
    expect(decodeText(bytes).encoding).toBe('windows-1252');
    const { drafts, problems, table, mapping } = importCsv(decodeText(bytes).text, 'client');
    expect(detectLayout(table.header)).toBe('outlook');
    // Outlook's "Title" is Mr/Dr; its job title is "Job Title".
    expect(mapping[table.header.indexOf('Title')]).toBe('namePrefix');
    expect(byName(drafts, 'Dr. François Müller')).toMatchObject({
      kind: 'client',
      emails: ['f.muller@societe.example', 'francois@perso.example'],
      phones: ['+33 1 23 45 67 89', '+33 6 12 34 56 78', '+33 1 23 45 67 00'],
      title: 'Directeur général',
      organizationName: "Société Générale d'Études",
      website: 'https://societe.example',
      tags: ['Clients', 'VIP'],
    });
    // Outlook's fax column is a typed phone, not a line of the notes.
    expect(byName(drafts, 'Dr. François Müller')?.phoneLabels).toContainEqual({
      value: '+33 1 23 45 67 00',
      types: ['work', 'fax'],
    });
    expect(byName(drafts, 'Dr. François Müller')?.notes).not.toContain('Fax');
    expect(wordProblems(problems)).toEqual([
      { severity: 'error', line: 4, message: '“bad@@example.com” is not an email address.' },
    ]);
  });
});

describe('other CSV files', () => {
  it('detects semicolons, keeps quoted line breaks, and numbers lines as an editor does', () => {
    const { drafts, table, mapping } = importCsv(fixture('semicolon.csv'));
    expect(table.delimiter).toBe(';');
    expect(mapping).toEqual(['name', 'email', 'phone', 'organization', 'notes']);
    expect(drafts.map((d) => [d.line, d.value.name])).toEqual([
      [2, 'Dupont; Jean'],
      [4, 'Marie Curie'],
    ]);
    expect(drafts[0]?.value.notes).toBe('Multi\nline');
  });

  it.each(['utf16.csv', 'utf16be.csv'])('reads %s (UTF-16 with a BOM, tab separated)', (name) => {
    const bytes = new Uint8Array(readFileSync(`tests/fixtures/transfer/${name}`));
    const decoded = decodeText(bytes);
    expect(decoded.bom).toBe(true);
    const { drafts, table } = importCsv(decoded.text);
    expect(table.delimiter).toBe('\t');
    expect(drafts[0]?.value).toMatchObject({
      name: '李小龍',
      emails: ['bruce@dragon.example'],
      organizationName: '嘉禾',
    });
  });

  it.each([
    ['', 'The file is empty.'],
    ['\n\n  \n', 'The file is empty.'],
    ['PK\u0003\u0004\u0000\u0000binary', 'not text'],
  ])('refuses %j with a plain reason', (text, reason) => {
    const table = readCsv(text);
    expect(table.ok).toBe(false);
    if (!table.ok) expect(say(table.error.message)).toContain(reason);
  });

  it('lists an unterminated quote with its line', () => {
    const table = readCsv('Name,Email\nAda,ada@x.example\n"Broken,b@x.example\n');
    expect(table.ok && table.value.problems[0]).toMatchObject({ severity: 'error', line: 3 });
  });
});

describe('CSV export', { timeout: 60_000 }, () => {
  it('neutralises every cell that a spreadsheet would run as a formula', () => {
    const dangerous = ['=1+1', '+1 555', '-2', '@SUM(A1)', '\tx', '\rx', "'=already", 'safe'];
    expect(dangerous.map(neutralizeCell)).toEqual([
      "'=1+1",
      "'+1 555",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      "''=already",
      'safe',
    ]);
    fc.assert(fc.property(fc.string(), (value) => restoreCell(neutralizeCell(value)) === value));
  });

  it('writes no cell of a hostile party that starts a formula', () => {
    const hostile = fc.sample(partyArb('bare'), { numRuns: 1, seed: 11 })[0]!;
    const party = {
      ...hostile,
      name: '=HYPERLINK("http://evil.example","x")',
      title: '@cmd',
      notes: '-2+3',
      tags: ['+tag'],
      phones: ['+12125550100'],
    };
    const table = readCsv(partiesToCsv([party]));
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    for (const cell of table.value.rows[0]!.value) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const interactions = readCsv(
      interactionsToCsv(
        [
          {
            id: 'i',
            partyId: party.id,
            type: 'call',
            direction: 'inbound',
            at: 0,
            summary: '=cmd|calc',
            requestId: 'r',
            createdAt: 0,
          },
        ],
        () => party,
      ),
    );
    if (!interactions.ok) throw new Error('unreadable');
    for (const cell of interactions.value.rows[0]!.value) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('re-imports its own parties with every field the same', () => {
    fc.assert(
      fc.property(fc.array(partyArb(), { maxLength: 5 }), (parties) => {
        const { drafts, problems } = importCsv(partiesToCsv(parties));
        const sensible = parties.filter((p) => !p.tags.some((t) => /:::|[;,\n]/.test(t)));
        if (sensible.length !== parties.length) return;
        expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(drafts.map((d) => d.value)).toEqual(
          parties.map((p) => ({
            type: p.type,
            name: lines(p.name),
            kind: p.kind,
            emails: p.emails,
            phones: p.phones,
            tags: p.tags.map(lines),
            notes: lines(p.notes),
            ...(p.organizationName ? { organizationName: lines(p.organizationName) } : {}),
            ...(p.title ? { title: lines(p.title) } : {}),
            ...(p.website ? { website: p.website } : {}),
          })),
        );
      }),
      { numRuns: 60, endOnFailure: true },
    );
  });
});
