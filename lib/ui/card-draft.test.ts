import { describe, expect, it } from 'vitest';
import type { PartyDraft } from '../domain/party';
import { emptyCardDetails, withCardDetails, type CardDetails } from './card-draft';

const page: PartyDraft = {
  type: 'person',
  name: 'Ada Lovelace',
  kind: 'client',
  emails: ['ada@analytical.example'],
  phones: ['+442079460018'],
};
const details = (change: Partial<CardDetails>): CardDetails => ({
  ...emptyCardDetails(),
  ...change,
});
const rows = (...values: string[]) => ({
  rows: values.map((value, id) => ({ id, value, types: [] })),
  preferred: 0,
});

describe('withCardDetails', () => {
  const cases: [string, Partial<CardDetails>, Partial<PartyDraft>][] = [
    ['nothing typed: the draft as the page gave it', {}, {}],
    [
      'name parts trimmed, empty ones left out',
      {
        nameParts: {
          prefix: ' ',
          given: ' Augusta Ada ',
          additional: '',
          family: 'King',
          suffix: '',
        },
      },
      { nameParts: { given: 'Augusta Ada', family: 'King' } },
    ],
    [
      'departments split at commas, semicolons and lines',
      { units: 'Engines;\nNotes, , Poetry' },
      { organizationUnits: ['Engines', 'Notes', 'Poetry'] },
    ],
    [
      'typed emails after the page’s, the preferred typed one first among them',
      { emails: { ...rows('a@x.example', 'b@x.example'), preferred: 1 } },
      { emails: ['ada@analytical.example', 'b@x.example', 'a@x.example'] },
    ],
    [
      'a typed phone the page already gave is kept once',
      { phones: rows('+442079460018', ' +33 1 23 45 67 89 ') },
      { phones: ['+442079460018', '+33 1 23 45 67 89'] },
    ],
    [
      'the first website is the record’s, the others more',
      { websites: rows('https://ada.example', 'https://notes.example') },
      { website: 'https://ada.example', moreWebsites: ['https://notes.example'] },
    ],
    ['an address with a type alone is no address', { addresses: [{ id: 1, types: ['home'] }] }, {}],
    ['a year-less anniversary', { anniversary: '6-8' }, { anniversary: '--06-08' }],
  ];

  it.each(cases)('%s', (_, change, expected) => {
    expect(withCardDetails(page, details(change))).toEqual({ ...page, ...expected });
  });

  it('refuses an anniversary that is no date, in words', () => {
    expect(withCardDetails(page, details({ anniversary: '2023-02-30' }))).toBe(
      'The anniversary must be a date such as 1990-04-15, or 04-15 without the year.',
    );
  });
});
