import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone } from './phone';
import { PhoneSchema, RegionSchema } from './phone-schema';

describe('normalizePhone', () => {
  describe('national forms are read in the region', () => {
    it.each([
      ['(212) 555-0100', 'US', '+12125550100'],
      ['212-555-0100', 'US', '+12125550100'],
      ['212.555.0100', 'US', '+12125550100'],
      ['  2125550100  ', 'US', '+12125550100'],
      ['1 (212) 555-0100', 'US', '+12125550100'],
      ['030 12345678', 'DE', '+493012345678'],
      ['030 123456', 'DE', '+4930123456'],
      ['020 7946 0018', 'GB', '+442079460018'],
      ['01 23 45 67 89', 'FR', '+33123456789'],
      ['01.23.45.67.89', 'FR', '+33123456789'],
      ['03-1234-5678', 'JP', '+81312345678'],
    ])('%j in %s → %s', (raw, region, expected) => {
      expect(normalizePhone(raw, region)).toBe(expected);
    });
  });

  describe('international forms ignore the region', () => {
    it.each([
      ['+1 212 555 0100', 'DE', '+12125550100'],
      ['+49 30 12345678', 'US', '+493012345678'],
      ['+49 (0)30 12345678', 'US', '+493012345678'],
      ['+44 20 7946 0018', 'JP', '+442079460018'],
      ['00 49 30 12345678', 'DE', '+493012345678'],
      ['011 49 30 12345678', 'US', '+493012345678'],
    ])('%j in %s → %s', (raw, region, expected) => {
      expect(normalizePhone(raw, region)).toBe(expected);
    });
  });

  describe('tel: prefix', () => {
    it.each([
      ['tel:+1-212-555-0100', '+12125550100'],
      ['TEL:+12125550100', '+12125550100'],
      ['  tel:+44-20-7946-0018 ', '+442079460018'],
      ['tel:(212) 555-0100', '+12125550100'],
    ])('%j → %s', (raw, expected) => {
      expect(normalizePhone(raw, 'US')).toBe(expected);
    });
  });

  describe('extensions are kept RFC 3966 style', () => {
    it.each([
      ['+1 212 555 0100;ext=12', '+12125550100;ext=12'],
      ['tel:+1-212-555-0100;ext=12', '+12125550100;ext=12'],
      ['(212) 555-0100 ext. 12', '+12125550100;ext=12'],
      ['(212) 555-0100 x12', '+12125550100;ext=12'],
      ['(212) 555-0100 ext 1234567890', '+12125550100;ext=1234567890'],
      ['+12125550100;ext=12', '+12125550100;ext=12'],
    ])('%j → %s', (raw, expected) => {
      expect(normalizePhone(raw, 'US')).toBe(expected);
    });

    it('keeps different extensions of one number apart', () => {
      expect(normalizePhone('(212) 555-0100 x1', 'US')).not.toBe(
        normalizePhone('(212) 555-0100 x2', 'US'),
      );
    });
  });

  describe('refuses what is not a phone number', () => {
    it.each([
      // empty and too short
      ['', 'US'],
      ['   ', 'US'],
      ['tel:', 'US'],
      ['123', 'US'],
      ['555-0100', 'US'],
      ['+000', 'US'],
      ['+1', 'US'],
      // libphonenumber-js calls these valid, but they are too short for E.164 storage
      ['13 25', 'DE'],
      ['1220', 'AT'],
      // numbers in unassigned ranges
      ['+1 999 555 0100', 'US'],
      ['(012) 555-0100', 'US'],
      // dates
      ['2026-11-23', 'US'],
      ['2026-11-23', 'GB'],
      ['2026-11-23', 'FR'],
      ['2026-11-23', 'JP'],
      ['2026-11-23', 'IT'],
      ['11/23/2026', 'US'],
      ['23/11/2026', 'GB'],
      // prices
      ['$1,299.00', 'US'],
      ['1299.00', 'US'],
      ['1.299,00 €', 'DE'],
      ['€ 1299', 'DE'],
      ['£12,500', 'GB'],
      // version numbers
      ['1.2.3', 'US'],
      ['10.15.7', 'US'],
      ['v2.14.1', 'US'],
      ['v2.14.1', 'DE'],
      // letters
      ['abc', 'US'],
      ['call me', 'US'],
      ['555-CALL-NOW', 'US'],
      ['1-800-FLOWERS', 'US'],
      ['212-555-01OO', 'US'],
      // too long to be read at all (more than 64 characters after trimming)
      [`+1 212 555 0100 ${'x'.repeat(60)}`, 'US'],
      // extension longer than the stored form allows (PhoneSchema: at most 10 digits)
      ['+1 212 555 0100 ext 12345678901', 'US'],
      ['+1 212 555 0100;ext=123456789012345678', 'US'],
    ])('%j in %s → null', (raw, region) => {
      expect(normalizePhone(raw, region)).toBeNull();
    });
  });

  describe('unknown or malformed region', () => {
    it.each(['ZZ', 'XX', 'us', 'USA', ''])(
      'cannot read a national number in region %j',
      (region) => {
        expect(normalizePhone('(212) 555-0100', region)).toBeNull();
      },
    );

    it.each(['ZZ', 'XX', 'us', 'USA', ''])(
      'still reads an international number in region %j',
      (region) => {
        expect(normalizePhone('+1 212 555 0100', region)).toBe('+12125550100');
        expect(normalizePhone('+44 20 7946 0018', region)).toBe('+442079460018');
      },
    );

    it('does not throw for a region libphonenumber-js does not know', () => {
      expect(() => normalizePhone('030 12345678', 'QQ')).not.toThrow();
    });
  });

  // German and Austrian numbering is variable-length, so date-shaped strings are valid
  // numbers there to libphonenumber-js ('2026-11-23' in DE → '+4920261123').
  it.each([
    ['2026-11-23', 'DE'],
    ['2026-11-23', 'AT'],
    ['2026-04-1234', 'DE'],
    ['23.11.2026', 'DE'],
    ['23/11/2026', 'ES'],
    ['11/23/26', 'US'],
    ['2026/11/23', 'JP'],
  ])('refuses the date-shaped %j in %s', (raw, region) => {
    expect(normalizePhone(raw, region)).toBeNull();
  });
  it.todo("refuses price- and version-shaped strings read in DE/AT ('12.99', '10.15.7')");

  it.each([
    ['( 33 1) 42 68 53 00', 'US', '+33142685300'],
    ['(33 1) 42 68 53 00', 'FR', '+33142685300'],
    ['(44 20) 7946 0958', 'DE', '+442079460958'],
  ])('reads a country code in brackets without its + in %j', (raw, region, e164) => {
    expect(normalizePhone(raw, region)).toBe(e164);
  });

  describe('properties', () => {
    const regions = ['US', 'DE', 'GB', 'FR', 'JP', 'AT', 'IT', 'BR', 'IN', 'CH'] as const;
    const phoneish = fc.stringMatching(/^\+?[0-9 ()\-.]{3,20}( ?(ext\.?|x|;ext=) ?[0-9]{1,14})?$/);

    it('every result fits the stored form (PhoneSchema)', () => {
      fc.assert(
        fc.property(phoneish, fc.constantFrom(...regions), (raw, region) => {
          const phone = normalizePhone(raw, region);
          return phone === null || PhoneSchema.safeParse(phone).success;
        }),
        { numRuns: 5000 },
      );
    });

    it('a result normalises to itself in any region', () => {
      fc.assert(
        fc.property(
          phoneish,
          fc.constantFrom(...regions),
          fc.constantFrom(...regions),
          (raw, region, other) => {
            const phone = normalizePhone(raw, region);
            return phone === null || normalizePhone(phone, other) === phone;
          },
        ),
        { numRuns: 5000 },
      );
    });
  });
});

describe('PhoneSchema', () => {
  it.each(['+12125550100', '+493012345678', '+12125550100;ext=1', '+12125550100;ext=1234567890'])(
    'accepts %s',
    (value) => {
      expect(PhoneSchema.safeParse(value).success).toBe(true);
    },
  );

  it.each([
    '2125550100',
    '+0123456789',
    '+1 212 555 0100',
    '+1-212-555-0100',
    '+123456',
    '+1234567890123456',
    '+12125550100;ext=',
    '+12125550100;ext=12345678901',
    '+12125550100 x12',
    'tel:+12125550100',
  ])('rejects %j', (value) => {
    expect(PhoneSchema.safeParse(value).success).toBe(false);
  });
});

describe('RegionSchema', () => {
  it.each(['US', 'DE', 'GB'])('accepts %s', (value) => {
    expect(RegionSchema.parse(value)).toBe(value);
  });

  it.each(['us', 'USA', 'U', '', 'U1'])('rejects %j', (value) => {
    expect(RegionSchema.safeParse(value).success).toBe(false);
  });
});

describe('formatPhone', () => {
  const cases: [string, string, string][] = [
    ['+12125550100', 'US', '(212) 555-0100'],
    ['+12125550100', 'GB', '+1 212 555 0100'],
    ['+442079460958', 'GB', '020 7946 0958'],
    ['+442079460958', 'US', '+44 20 7946 0958'],
    ['+4930123456', 'DE', '030 123456'],
    ['+12125550100;ext=12', 'US', '(212) 555-0100 ext. 12'],
    ['+0', 'US', '+0'],
    ['not a phone', 'US', 'not a phone'],
  ];
  for (const [stored, region, shown] of cases) {
    it(`${stored} in ${region} → ${shown}`, () => expect(formatPhone(stored, region)).toBe(shown));
  }

  it('reads back to the same number', () => {
    for (const [stored, region] of cases.slice(0, 6))
      expect(normalizePhone(formatPhone(stored, region).replace(' ext. ', ' ext '), region)).toBe(
        stored,
      );
  });
});

describe('normalizePhone, asked again', () => {
  it('answers the same for the same text, and per region', () => {
    for (let round = 0; round < 2; round++) {
      expect(normalizePhone('020 7946 0958', 'GB')).toBe('+442079460958');
      expect(normalizePhone('020 7946 0958', 'US')).toBeNull();
      expect(normalizePhone('(212) 555-0100', 'US')).toBe('+12125550100');
    }
  });

  it('keeps answering right past the number of answers it keeps', () => {
    for (let i = 0; i < 5000; i++) normalizePhone(`+1 212 555 ${String(i).padStart(4, '0')}`, 'US');
    expect(normalizePhone('+1 212 555 0100', 'US')).toBe('+12125550100');
    expect(normalizePhone('+1 212 555 01000', 'US')).toBeNull();
  });
});
