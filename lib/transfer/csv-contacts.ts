import Papa from 'papaparse';
import type { ContactType, PostalAddress } from '../domain/card-fields';
import type { Party } from '../domain/party';
import { neutralizeContactCell } from './formula';

export type ContactsLayout = 'google' | 'outlook';

/*
 * Parties in the CSV layouts contacts apps import: Google Contacts' (2023) and
 * Outlook's. Written from the record's structure: name parts, typed emails and
 * phones, the first address, birthday, organization with its department.
 */

const GOOGLE = [
  'First Name',
  'Middle Name',
  'Last Name',
  'Name Prefix',
  'Name Suffix',
  'Nickname',
  'Birthday',
  'Notes',
  'Labels',
  'E-mail 1 - Label',
  'E-mail 1 - Value',
  'E-mail 2 - Label',
  'E-mail 2 - Value',
  'Phone 1 - Label',
  'Phone 1 - Value',
  'Phone 2 - Label',
  'Phone 2 - Value',
  'Address 1 - Label',
  'Address 1 - Street',
  'Address 1 - City',
  'Address 1 - PO Box',
  'Address 1 - Region',
  'Address 1 - Postal Code',
  'Address 1 - Country',
  'Organization Name',
  'Organization Title',
  'Organization Department',
  'Website 1 - Value',
];
const GOOGLE_PHONES = new Set(['Phone 1 - Value', 'Phone 2 - Value']);

const OUTLOOK = [
  'Title',
  'First Name',
  'Middle Name',
  'Last Name',
  'Suffix',
  'Company',
  'Department',
  'Job Title',
  'Business Street',
  'Business City',
  'Business State',
  'Business Postal Code',
  'Business Country/Region',
  'Home Street',
  'Home City',
  'Home State',
  'Home Postal Code',
  'Home Country/Region',
  'Business Phone',
  'Home Phone',
  'Mobile Phone',
  'Business Fax',
  'Birthday',
  'Categories',
  'E-mail Address',
  'E-mail 2 Address',
  'Notes',
  'Web Page',
];
const OUTLOOK_PHONES = new Set(['Business Phone', 'Home Phone', 'Mobile Phone', 'Business Fax']);

const GOOGLE_LABELS: Record<ContactType, string> = {
  work: 'Work',
  home: 'Home',
  mobile: 'Mobile',
  fax: 'Work Fax',
  pager: 'Pager',
  other: 'Other',
};

function labelFor(party: Party, list: 'emailLabels' | 'phoneLabels', value: string): string {
  const label = party[list]?.find((l) => l.value === value);
  const type = label?.types[0];
  return label?.label ?? (type ? GOOGLE_LABELS[type] : '');
}

function googleRow(party: Party): Record<string, string> {
  const n = party.nameParts ?? {};
  const address: PostalAddress | undefined = party.addresses?.[0];
  const row: Record<string, string> = {
    'First Name': n.given ?? (n.family ? '' : party.name),
    'Middle Name': n.additional ?? '',
    'Last Name': n.family ?? '',
    'Name Prefix': n.prefix ?? '',
    'Name Suffix': n.suffix ?? '',
    Nickname: party.nickname ?? '',
    Birthday: party.birthday ?? '',
    Notes: party.notes,
    Labels: party.tags.join(' ::: '),
    'Organization Name': party.organizationName ?? '',
    'Organization Title': party.title ?? '',
    'Organization Department': party.organizationUnits?.join(', ') ?? '',
    'Website 1 - Value': party.website ?? '',
    'Address 1 - Label': address
      ? (address.label ?? GOOGLE_LABELS[address.types[0] ?? 'other'])
      : '',
    'Address 1 - Street': address?.street ?? '',
    'Address 1 - City': address?.locality ?? '',
    'Address 1 - PO Box': address?.poBox ?? '',
    'Address 1 - Region': address?.region ?? '',
    'Address 1 - Postal Code': address?.postalCode ?? '',
    'Address 1 - Country': address?.country ?? '',
  };
  party.emails.slice(0, 2).forEach((email, i) => {
    row[`E-mail ${i + 1} - Label`] =
      `${i === 0 ? '* ' : ''}${labelFor(party, 'emailLabels', email)}`;
    row[`E-mail ${i + 1} - Value`] = email;
  });
  party.phones.slice(0, 2).forEach((phone, i) => {
    row[`Phone ${i + 1} - Label`] = labelFor(party, 'phoneLabels', phone);
    row[`Phone ${i + 1} - Value`] = phone;
  });
  return row;
}

function outlookRow(party: Party): Record<string, string> {
  const n = party.nameParts ?? {};
  const row: Record<string, string> = {
    Title: n.prefix ?? '',
    'First Name': n.given ?? (n.family ? '' : party.name),
    'Middle Name': n.additional ?? '',
    'Last Name': n.family ?? '',
    Suffix: n.suffix ?? '',
    Company: party.organizationName ?? '',
    Department: party.organizationUnits?.join(', ') ?? '',
    'Job Title': party.title ?? '',
    Birthday: party.birthday ?? '',
    Categories: party.tags.join(';'),
    'E-mail Address': party.emails[0] ?? '',
    'E-mail 2 Address': party.emails[1] ?? '',
    Notes: party.notes,
    'Web Page': party.website ?? '',
  };
  for (const kind of ['work', 'home'] as const) {
    const address = party.addresses?.find((a) => a.types.includes(kind));
    const prefix = kind === 'work' ? 'Business' : 'Home';
    if (!address) continue;
    row[`${prefix} Street`] = address.street ?? '';
    row[`${prefix} City`] = address.locality ?? '';
    row[`${prefix} State`] = address.region ?? '';
    row[`${prefix} Postal Code`] = address.postalCode ?? '';
    row[`${prefix} Country/Region`] = address.country ?? '';
  }
  for (const phone of party.phones) {
    const types = party.phoneLabels?.find((l) => l.value === phone)?.types ?? [];
    const column = types.includes('fax')
      ? 'Business Fax'
      : types.includes('mobile')
        ? 'Mobile Phone'
        : types.includes('home')
          ? 'Home Phone'
          : 'Business Phone';
    row[column] ||= phone;
  }
  return row;
}

/** The book in a contacts app's layout, every cell guarded but valid phones. */
export function partiesToContactsCsv(parties: readonly Party[], layout: ContactsLayout): string {
  const header = layout === 'google' ? GOOGLE : OUTLOOK;
  const phones = layout === 'google' ? GOOGLE_PHONES : OUTLOOK_PHONES;
  const toRow = layout === 'google' ? googleRow : outlookRow;
  const data = parties.map((party) => {
    const row = toRow(party);
    return header.map((column) => neutralizeContactCell(row[column] ?? '', phones.has(column)));
  });
  return `\uFEFF${Papa.unparse({ fields: header, data }, { newline: '\r\n', escapeFormulae: false })}\r\n`;
}
