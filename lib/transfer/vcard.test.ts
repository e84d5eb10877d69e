import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Party } from '../domain';
import { partyArb } from '../../tests/support/test-books';
import { readVcards } from './vcard-read';
import { partiesToVcards } from './vcard-write';
import { say, wordProblems } from '../ui/ui-text';

const fixture = readFileSync('tests/fixtures/transfer/contacts.vcf', 'utf8');

describe('reading vCards', () => {
  it('reads every card in a file: folded lines, escapes, several EMAIL/TEL, ORG, TITLE, NOTE, URL, CATEGORIES', () => {
    const { drafts, problems } = readVcards(fixture, 'prospect');
    expect(drafts.map((d) => [d.line, d.value.name])).toEqual([
      [1, 'Ada Lovelace'],
      [18, 'Contoso, Ltd'],
      [28, 'יעל כהן 🙂'],
      [39, 'Broken Email'],
    ]);
    const ada = drafts[0]!.value;
    expect(ada).toMatchObject({
      type: 'person',
      kind: 'prospect',
      nameParts: { given: 'Ada', family: 'Lovelace' },
      emails: ['ada@northwind.example', 'ada.king@home.example'],
      emailLabels: [
        { value: 'ada@northwind.example', types: ['work'] },
        { value: 'ada.king@home.example', types: ['home'] },
      ],
      phones: ['+44 20 7946 0958', '+44 7700 900123'],
      phoneLabels: [
        { value: '+44 20 7946 0958', types: ['work'] },
        { value: '+44 7700 900123', types: ['mobile'] },
      ],
      organizationName: 'Northwind Analytics',
      organizationUnits: ['Research'],
      title: 'Director',
      website: 'https://northwind.example',
      tags: ['Clients', 'Mathematics'],
      addresses: [
        {
          types: ['work'],
          street: "12 St James's Square",
          locality: 'London',
          postalCode: 'SW1Y 4JH',
          country: 'United Kingdom',
        },
      ],
      birthday: '1815-12-10',
      notes: 'Met at the Analytical Society, 1833.\nPrefers mornings; no calls on Fridays.',
    });
    expect(drafts[1]!.value).toMatchObject({
      type: 'organization',
      phones: ['+1-212-555-0100'],
      website: 'https://contoso.example',
      moreWebsites: ['https://contoso.example/careers'],
      notes: '',
    });
    expect(drafts[1]!.value.organizationName).toBeUndefined();
    expect(drafts[2]!.value.tags).toEqual(['ישראל']);
    // The unreadable address costs only itself: kept with the card, named with its line.
    expect(drafts[3]!.value).toMatchObject({
      emails: [],
      cardProperties: ['EMAIL:not an address'],
    });
    expect(wordProblems(problems)).toEqual([
      { severity: 'error', line: 35, message: 'No name and no email address.' },
      {
        severity: 'warning',
        line: 42,
        message: '“not an address” is not an email address Clientele can use; kept with the card.',
      },
    ]);
  });

  it('reads the fixture site’s card (vCard 4.0, tel: URI)', () => {
    const { drafts } = readVcards(
      readFileSync('tests/fixtures/site/cards/mira.vcf', 'utf8'),
      'prospect',
    );
    expect(drafts.map((d) => d.value)).toEqual([
      {
        type: 'person',
        name: 'Mira Patel',
        kind: 'prospect',
        emails: ['mira@harbourlane.example'],
        phones: ['+44-20-7946-0018'],
        emailLabels: [{ value: 'mira@harbourlane.example', types: ['work'] }],
        phoneLabels: [{ value: '+44-20-7946-0018', types: ['work'] }],
        organizationName: 'Harbour Lane Studio',
        title: 'Founder',
        tags: [],
        notes: '',
      },
    ]);
  });

  it.each([
    ['', 'The file is empty.', undefined],
    ['hello world', 'does not start with BEGIN:VCARD', 1],
    ['BEGIN:VCARD\nVERSION:4.0\nFN:Cut', 'no END:VCARD', 1],
    ['\u0000\u0001\u0002PNG', 'not text', undefined],
    ['BEGIN:VCARD\nVERSION:4.0\nthis line has no colon\nEND:VCARD', 'No name', 1],
  ])('names the problem in %j', (text, message, line) => {
    const { drafts, problems } = readVcards(text, 'customer');
    expect(drafts).toEqual([]);
    expect(say(problems[0]!.message)).toContain(message);
    expect(problems[0]?.line).toBe(line);
  });
});

describe('writing vCards', { timeout: 60_000 }, () => {
  // The round trip of whole cards is vcard-roundtrip.test.ts.
  it('writes lines ical.js reads, folded at 75 octets with CRLF', () => {
    const [party] = fc.sample(partyArb('full'), { numRuns: 1, seed: 2 }) as [Party];
    const text = partiesToVcards([party], '4.0');
    for (const line of text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text.endsWith('\r\n')).toBe(true);
    const card = new ICAL.Component(ICAL.parse(text) as unknown[]);
    expect(card.getFirstPropertyValue('version')).toBe('4.0');
    expect(card.getAllProperties('email')).toHaveLength(party.emails.length);
  });
});

describe('a card’s own UID', () => {
  it.each([
    [
      'Apple (a bare UUID)',
      '3.0',
      'UID:6B29FC40-CA47-1067-B31D-00DD010662DA',
      '6B29FC40-CA47-1067-B31D-00DD010662DA',
    ],
    ['Google (a hex id)', '3.0', 'UID:3f5a1c2e0b9d8e71', '3f5a1c2e0b9d8e71'],
    ['Android 2.1', '2.1', 'UID:a1b2-c3', 'a1b2-c3'],
    [
      'a server’s URN (4.0)',
      '4.0',
      'UID:urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
      'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
    ],
    ['none', '4.0', '', undefined],
  ])('%s is kept with the record and written back on export', (_, version, uidLine, uid) => {
    const card = ['BEGIN:VCARD', `VERSION:${version}`, 'FN:Ada Lovelace', uidLine, 'END:VCARD']
      .filter(Boolean)
      .join('\r\n');
    const [row] = readVcards(card, 'client').drafts;
    expect(row?.value.cardUid).toBe(uid);
    expect(row?.value.cardProperties).toBeUndefined();
    const [party] = fc.sample(partyArb('full'), { numRuns: 1, seed: 5 }) as [Party];
    const exported = partiesToVcards([{ ...party, cardUid: uid }], '4.0');
    const uids = exported.split('\r\n').filter((line) => line.startsWith('UID:'));
    expect(uids).toEqual([`UID:${uid ?? `urn:uuid:${party.id}`}`]);
  });
});
