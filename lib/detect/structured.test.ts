import { describe, expect, it } from 'vitest';
import { cleanPhone, cleanText, cleanUrl, recordFindings, schemaKind } from './structured';

describe('schemaKind', () => {
  it.each([
    [['Person'], 'person'],
    [['schema:Person'], 'person'],
    [['https://schema.org/Person'], 'person'],
    [['http://schema.org/Person'], 'person'],
    [['Organization', 'Person'], 'person'],
    [['Organization'], 'organization'],
    [['LocalBusiness'], 'organization'],
    [['HVACBusiness'], 'organization'],
    [['Plumber'], 'organization'],
    [['GovernmentOffice'], 'organization'],
    [['HighSchool'], 'organization'],
    [['TravelAgency'], 'organization'],
    [['ContactPoint'], 'contact-point'],
    [['Airport'], 'organization'],
    [['TrainStation'], 'organization'],
    [['Place'], 'organization'],
    [['TouristAttraction'], 'organization'],
    [['Dentist'], 'organization'],
    [['SomeFutureBusinessType'], 'organization'],
    [['Product'], undefined],
    [['Event'], undefined],
    [['Service'], undefined],
    [['ProductGroup'], undefined],
    [['PostalAddress'], undefined],
    [['foaf:Person'], undefined],
    [[], undefined],
  ])('%j is %s', (types, kind) => {
    expect(schemaKind(types)).toBe(kind);
  });
});

describe('recordFindings', () => {
  const base = { source: 'json-ld', confidence: 0.5 } as const;

  it('gives nothing without an email or a phone', () => {
    expect(
      recordFindings({ name: 'Ada', emails: ['nope'], phones: ['none'] }, 'json-ld', 0.5),
    ).toEqual([]);
  });

  it('gives a phone-only finding', () => {
    expect(recordFindings({ emails: [], phones: ['tel:+1%20212'] }, 'json-ld', 0.5)).toEqual([
      { ...base, phones: ['+1 212'] },
    ]);
  });

  it('gives one finding per distinct address, each with every phone', () => {
    const record = {
      name: 'Ada',
      organization: 'Acme',
      title: 'Analyst',
      website: 'https://ada.example/',
      emails: ['mailto:Ada@Example.com', 'ada@example.com', 'ada%40example.org'],
      phones: ['555 0100', ' 555 0100 '],
    };
    expect(recordFindings(record, 'json-ld', 0.5)).toEqual(
      ['ada@example.com', 'ada@example.org'].map((email) => ({
        ...base,
        email,
        name: 'Ada',
        organization: 'Acme',
        title: 'Analyst',
        website: 'https://ada.example/',
        phones: ['555 0100'],
      })),
    );
  });

  it('caps how many addresses one item gives', () => {
    const emails = Array.from({ length: 100 }, (_, i) => `p${i}@example.com`);
    expect(recordFindings({ emails, phones: [] }, 'json-ld', 0.5)).toHaveLength(20);
  });
});

describe('cleaning', () => {
  it.each([
    [' Ada \n Lovelace ', 'Ada Lovelace'],
    ['   ', undefined],
    [null, undefined],
    ['x'.repeat(201), undefined],
  ])('cleanText(%j) is %j', (raw, text) => {
    expect(cleanText(raw)).toBe(text);
  });

  it.each([
    ['tel:+44%2020', '+44 20'],
    [' +1 (212)\n555-0100 ', '+1 (212) 555-0100'],
    ['call us', undefined],
    ['1'.repeat(41), undefined],
  ])('cleanPhone(%j) is %j', (raw, phone) => {
    expect(cleanPhone(raw)).toBe(phone);
  });

  it.each([
    ['https://ada.example', undefined, 'https://ada.example/'],
    ['/me', 'https://ada.example/a/', 'https://ada.example/me'],
    ['/me', undefined, undefined],
    ['javascript:alert(1)', undefined, undefined],
    ['mailto:ada@example.com', undefined, undefined],
  ])('cleanUrl(%j, %j) is %j', (raw, base, url) => {
    expect(cleanUrl(raw, base)).toBe(url);
  });
});
