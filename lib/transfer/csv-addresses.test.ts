import { describe, expect, it } from 'vitest';
import type { PostalAddress } from '../domain/card-fields';
import { suggestMapping } from './csv-layouts';
import { draftsOf, readImportFile } from './prepare-import';

/* One row per exporter: its address columns in, the record's typed addresses out. */
const read = (csv: string) => {
  const file = readImportFile(new TextEncoder().encode(csv), 'contacts.csv');
  if (!file.ok) throw new Error(file.error.message.code);
  return draftsOf(file.value, 'customer');
};
const csv = (header: string[], row: string[]) =>
  `${header.map((h) => `"${h}"`).join(',')}\r\n${row.map((c) => `"${c}"`).join(',')}\r\n`;

const ROWS: [string, string[], string[], PostalAddress[]][] = [
  [
    'Google (2019): Address 1 parts and its type, Address 2 from its formatted form',
    [
      'Name',
      'Given Name',
      'E-mail 1 - Value',
      'Address 1 - Type',
      'Address 1 - Formatted',
      'Address 1 - Street',
      'Address 1 - City',
      'Address 1 - PO Box',
      'Address 1 - Region',
      'Address 1 - Postal Code',
      'Address 1 - Country',
      'Address 1 - Extended Address',
      'Address 2 - Type',
      'Address 2 - Formatted',
    ],
    [
      'Ada Lovelace',
      'Ada',
      'ada@northwind.example',
      '* Work',
      '1600 Amphitheatre Pkwy\nMountain View, CA 94043',
      '1600 Amphitheatre Pkwy',
      'Mountain View',
      'PO 7',
      'CA',
      '94043',
      'United States',
      'Building 40',
      'Summer house',
      '1 Seaside Lane\nBrighton',
    ],
    [
      {
        types: ['work'],
        street: '1600 Amphitheatre Pkwy',
        locality: 'Mountain View',
        poBox: 'PO 7',
        region: 'CA',
        postalCode: '94043',
        country: 'United States',
        extended: 'Building 40',
      },
      { types: [], label: 'Summer house', street: '1 Seaside Lane\nBrighton' },
    ],
  ],
  [
    'Google (2023): Address 1 - Label',
    ['First Name', 'Last Name', 'Labels', 'Address 1 - Label', 'Address 1 - City'],
    ['Ada', 'Lovelace', '* myContacts', 'Home', 'London'],
    [{ types: ['home'], locality: 'London' }],
  ],
  [
    'Outlook: Business, Home and Other, Street 2 the extended address, PO box',
    [
      'First Name',
      'Last Name',
      'E-mail Address',
      'Business Street',
      'Business Street 2',
      'Business City',
      'Business State',
      'Business Postal Code',
      'Business Country/Region',
      'Business Address PO Box',
      'Home Street',
      'Home City',
      'Home Postal Code',
      'Other City',
      'Home Phone',
    ],
    [
      'Ada',
      'Lovelace',
      'ada@northwind.example',
      '12 St James Sq',
      'Floor 3',
      'London',
      'Greater London',
      'SW1Y 4JH',
      'United Kingdom',
      'PO 12',
      'Hauptstraße 5',
      'Berlin',
      '10115',
      'Paris',
      '+49 30 1234567',
    ],
    [
      {
        types: ['work'],
        street: '12 St James Sq',
        extended: 'Floor 3',
        locality: 'London',
        region: 'Greater London',
        postalCode: 'SW1Y 4JH',
        country: 'United Kingdom',
        poBox: 'PO 12',
      },
      { types: ['home'], street: 'Hauptstraße 5', locality: 'Berlin', postalCode: '10115' },
      { types: ['other'], locality: 'Paris' },
    ],
  ],
  [
    'Thunderbird: Work and Home, Address 2 the extended address',
    [
      'First Name',
      'Last Name',
      'Display Name',
      'Primary Email',
      'Home Address',
      'Home Address 2',
      'Home City',
      'Home State',
      'Home ZipCode',
      'Home Country',
      'Work Address',
      'Work City',
      'Work State',
      'Work ZipCode',
      'Work Country',
    ],
    [
      'Ada',
      'Lovelace',
      'Ada Lovelace',
      'ada@northwind.example',
      '5 Rue de Rivoli',
      'Bât. B',
      'Paris',
      'Île-de-France',
      '75001',
      'France',
      'Calle Mayor 1',
      'Madrid',
      'Madrid',
      '28013',
      'España',
    ],
    [
      {
        types: ['home'],
        street: '5 Rue de Rivoli',
        extended: 'Bât. B',
        locality: 'Paris',
        region: 'Île-de-France',
        postalCode: '75001',
        country: 'France',
      },
      {
        types: ['work'],
        street: 'Calle Mayor 1',
        locality: 'Madrid',
        region: 'Madrid',
        postalCode: '28013',
        country: 'España',
      },
    ],
  ],
  [
    'a hand-made sheet: Street, City, Zip, Country make one address',
    ['Name', 'Email', 'Street', 'City', 'Zip', 'Country'],
    ['Ada Lovelace', 'ada@northwind.example', '1 Main St', 'Springfield', '12345', 'USA'],
    [
      {
        types: [],
        street: '1 Main St',
        locality: 'Springfield',
        postalCode: '12345',
        country: 'USA',
      },
    ],
  ],
];

describe('CSV postal addresses, by exporter', () => {
  it.each(ROWS)('%s', (_, header, row, addresses) => {
    const { drafts, problems } = read(csv(header, row));
    expect(problems).toEqual([]);
    expect(drafts[0]!.value.addresses).toEqual(addresses);
    // Read into fields, the parts are not repeated in the notes.
    expect(drafts[0]!.value.notes).toBe('');
  });

  it('E-mail Address, phones and a lone Type column are not address parts', () => {
    expect(
      suggestMapping(['E-mail Address', 'Email Address', 'Home Phone', 'Type', 'Business Fax']),
    ).toEqual(['email', 'email', 'phone', 'type', 'phone']);
  });

  it('a formatted address beside parts without a street stays in the notes as written', () => {
    const { drafts } = read(
      csv(
        ['Name', 'Address 1 - Formatted', 'Address 1 - City'],
        ['Ada', '12 St James Sq\nLondon', 'London'],
      ),
    );
    expect(drafts[0]!.value.addresses).toEqual([{ types: [], locality: 'London' }]);
    expect(drafts[0]!.value.notes).toBe('Address 1 - Formatted: 12 St James Sq\nLondon');
  });

  it('an address part too long for the record goes to the notes, not lost', () => {
    const { drafts, problems } = read(
      csv(['Name', 'Home City', 'Home Postal Code'], ['Ada', 'London', '9'.repeat(50)]),
    );
    expect(problems).toEqual([]);
    expect(drafts[0]!.value.addresses).toBeUndefined();
    expect(drafts[0]!.value.notes).toBe(`Home City: London\nHome Postal Code: ${'9'.repeat(50)}`);
  });

  it('columns mapped by hand to address parts make an address', () => {
    const file = readImportFile(
      new TextEncoder().encode('Ada Lovelace,ada@northwind.example,Berlin,10115\r\n'),
      'contacts.csv',
    );
    if (!file.ok || file.value.format !== 'csv') throw new Error('not read');
    const { drafts } = draftsOf(file.value, 'customer', [
      'name',
      'email',
      'addressLocality',
      'addressPostalCode',
    ]);
    expect(drafts[0]!.value.addresses).toEqual([
      { types: [], locality: 'Berlin', postalCode: '10115' },
    ]);
  });
});
