import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Party } from '../domain';
import { partyArb } from '../../tests/support/test-books';
import { readVcards } from './vcard-read';
import { partiesToVcards, type VcardVersion } from './vcard-write';

const fixture = readFileSync('tests/fixtures/transfer/contacts.vcf', 'utf8');

describe('reading vCards', () => {
  it('reads every card in a file: folded lines, escapes, several EMAIL/TEL, ORG, TITLE, NOTE, URL, CATEGORIES', () => {
    const { drafts, problems } = readVcards(fixture, 'prospect');
    expect(drafts.map((d) => [d.line, d.value.name])).toEqual([
      [1, 'Ada Lovelace'],
      [18, 'Contoso, Ltd'],
      [28, 'יעל כהן 🙂'],
    ]);
    const ada = drafts[0]!.value;
    expect(ada).toMatchObject({
      type: 'person',
      kind: 'prospect',
      emails: ['ada@northwind.example', 'ada.king@home.example'],
      phones: ['+44 20 7946 0958', '+44 7700 900123'],
      organizationName: 'Northwind Analytics; Research',
      title: 'Director',
      website: 'https://northwind.example',
      tags: ['Clients', 'Mathematics'],
    });
    expect(ada.notes).toContain(
      'Met at the Analytical Society, 1833.\nPrefers mornings; no calls on Fridays.',
    );
    expect(ada.notes).toContain("Address: 12 St James's Square, London, SW1Y 4JH, United Kingdom");
    expect(ada.notes).toContain('Birthday: 1815-12-10');
    expect(drafts[1]!.value).toMatchObject({
      type: 'organization',
      phones: ['+1-212-555-0100'],
      website: 'https://contoso.example',
      notes: 'Website: https://contoso.example/careers',
    });
    expect(drafts[1]!.value.organizationName).toBeUndefined();
    expect(drafts[2]!.value.tags).toEqual(['ישראל']);
    expect(problems).toEqual([
      { severity: 'error', line: 35, message: 'this card has no name and no email address.' },
      { severity: 'error', line: 39, message: '“not an address” is not an email address.' },
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
    ['BEGIN:VCARD\nVERSION:4.0\nthis line has no colon\nEND:VCARD', 'could not be read', 1],
  ])('names the problem in %j', (text, message, line) => {
    const { drafts, problems } = readVcards(text, 'customer');
    expect(drafts).toEqual([]);
    expect(problems[0]?.message).toContain(message);
    expect(problems[0]?.line).toBe(line);
  });
});

describe('writing vCards', { timeout: 60_000 }, () => {
  // vCard has one escaped line break (\n): a CR or CRLF comes back as LF.
  const lines = (value: string) => value.replace(/\r\n?/g, '\n');
  const asDraft = (p: Party) => ({
    type: p.type,
    name: lines(p.name),
    kind: p.kind,
    emails: p.emails,
    phones: p.phones,
    tags: p.tags.map(lines),
    notes: lines(p.notes),
    ...(p.organizationName && !(p.type === 'organization' && p.organizationName === p.name)
      ? { organizationName: lines(p.organizationName) }
      : {}),
    ...(p.title ? { title: lines(p.title) } : {}),
    ...(p.website ? { website: p.website } : {}),
  });

  it.each(['4.0', '3.0'] as VcardVersion[])(
    're-imports its own %s cards identically',
    (version) => {
      fc.assert(
        fc.property(fc.array(partyArb(), { minLength: 1, maxLength: 4 }), (parties) => {
          const text = partiesToVcards(parties, version);
          const { drafts, problems } = readVcards(text, 'customer');
          expect(problems).toEqual([]);
          expect(drafts.map((d) => d.value)).toEqual(parties.map(asDraft));
        }),
        { numRuns: 80, endOnFailure: true },
      );
    },
  );

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
