import { describe, expect, it } from 'vitest';
import type { PostalAddress } from '../domain/card-fields';
import { addressLines } from './address-lines';

const FULL: PostalAddress = {
  types: ['work'],
  street: '1 Main St',
  extended: 'Suite 4',
  locality: 'Springfield',
  region: 'IL',
  postalCode: '62701',
  country: 'USA',
};

/* One row per locale: the same address, in the order its people write one. */
const ROWS: [string | undefined, PostalAddress, string[]][] = [
  ['en-US', FULL, ['1 Main St', 'Suite 4', 'Springfield, IL 62701', 'USA']],
  ['en', FULL, ['1 Main St', 'Suite 4', 'Springfield, IL 62701', 'USA']],
  ['en-US', { types: [], locality: 'Springfield', postalCode: '62701' }, ['Springfield, 62701']],
  [
    'en-GB',
    {
      types: [],
      street: '12 St James Sq',
      locality: 'London',
      postalCode: 'SW1Y 4JH',
      country: 'UK',
    },
    ['12 St James Sq', 'London', 'SW1Y 4JH', 'UK'],
  ],
  [
    'de',
    {
      types: [],
      street: 'Hauptstraße 5',
      locality: 'Berlin',
      postalCode: '10115',
      country: 'Deutschland',
    },
    ['Hauptstraße 5', '10115 Berlin', 'Deutschland'],
  ],
  [
    'fr',
    {
      types: [],
      street: '5 rue de Rivoli',
      locality: 'Paris',
      region: 'Île-de-France',
      postalCode: '75001',
    },
    ['5 rue de Rivoli', '75001 Paris', 'Île-de-France'],
  ],
  [
    'es',
    {
      types: [],
      street: 'Calle Mayor 1',
      locality: 'Madrid',
      postalCode: '28013',
      country: 'España',
    },
    ['Calle Mayor 1', '28013 Madrid', 'España'],
  ],
  [
    'ja',
    {
      types: [],
      street: '千代田1-1',
      locality: '千代田区',
      region: '東京都',
      postalCode: '100-0001',
      country: '日本',
    },
    ['日本', '〒100-0001', '東京都千代田区', '千代田1-1'],
  ],
  ['de', FULL, ['1 Main St', 'Suite 4', '62701 Springfield', 'IL', 'USA']],
  [undefined, FULL, ['1 Main St', 'Suite 4', 'Springfield, IL 62701', 'USA']],
  ['not a locale!', FULL, ['1 Main St', 'Suite 4', '62701 Springfield', 'IL', 'USA']],
];

describe('address lines in the user’s locale', () => {
  it.each(ROWS)('%s: %j', (locale, address, lines) => {
    expect(addressLines(address, locale)).toEqual(lines);
  });

  it('a street of several lines keeps them; a PO box is worded by the caller', () => {
    expect(
      addressLines(
        { types: [], street: 'Flat 2\n10 High St', poBox: '77' },
        'en-GB',
        (box) => `PO Box ${box}`,
      ),
    ).toEqual(['Flat 2', '10 High St', 'PO Box 77']);
  });
});
