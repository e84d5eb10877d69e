import Papa from 'papaparse';
import type { ContactType, PostalAddress } from '../domain/card-fields';
import type { Party } from '../domain/party';
import { neutralizeContactCell } from './formula';

export type ContactsLayout = 'google' | 'outlook';

/*
 * Parties in the CSV layouts contacts apps import: Google Contacts' (2023) and
 * Outlook's. Written from the record's structure: name parts, typed emails, phones
 * and addresses, birthday, organization with its department. Google's layout
 * numbers its columns, so it gets as many as the book needs; Outlook's columns are
 * fixed, and what finds no column is counted in `leftOut`, for the summary to say.
 * One file, just over 300 lines: both layouts share the column writers and the
 * `leftOut` count, which must stay in step.
 */

/** Values the layout had no column for, by what they are, and how many parties lost any. */
export interface LeftOut {
  emails: number;
  phones: number;
  addresses: number;
  websites: number;
  parties: number;
}

export interface ContactsCsv {
  text: string;
  leftOut: LeftOut;
}

const GOOGLE_LABELS: Record<ContactType, string> = {
  work: 'Work',
  home: 'Home',
  mobile: 'Mobile',
  fax: 'Work Fax',
  pager: 'Pager',
  other: 'Other',
};

const websitesOf = (party: Party) =>
  [party.website, ...(party.moreWebsites ?? [])].filter((site): site is string => !!site);

function labelFor(
  party: Party,
  list: 'emailLabels' | 'phoneLabels' | 'websiteLabels',
  value: string,
): string {
  const label = party[list]?.find((l) => l.value === value);
  if (label?.label) return label.label;
  const types = label?.types ?? [];
  // A fax says whose it is (Google's own labels are Work Fax and Home Fax), which
  // reads back as both types; a pager is a pager whatever else it is.
  if (types.includes('fax')) return types.includes('home') ? 'Home Fax' : GOOGLE_LABELS.fax;
  if (types.includes('pager')) return GOOGLE_LABELS.pager;
  return types[0] ? GOOGLE_LABELS[types[0]] : '';
}

const ADDRESS_COLUMNS = [
  ['Street', 'street'],
  ['Extended Address', 'extended'],
  ['City', 'locality'],
  ['PO Box', 'poBox'],
  ['Region', 'region'],
  ['Postal Code', 'postalCode'],
  ['Country', 'country'],
] as const;

function googleHeader(parties: readonly Party[]): string[] {
  const most = (count: (party: Party) => number) => Math.max(1, ...parties.map(count));
  const numbered = (name: string, count: number, parts: readonly string[]) =>
    Array.from({ length: count }, (_, i) =>
      parts.map((part) => `${name} ${i + 1} - ${part}`),
    ).flat();
  return [
    'First Name',
    'Middle Name',
    'Last Name',
    'Name Prefix',
    'Name Suffix',
    'Nickname',
    'Birthday',
    'Notes',
    'Labels',
    ...numbered(
      'E-mail',
      most((p) => p.emails.length),
      ['Label', 'Value'],
    ),
    ...numbered(
      'Phone',
      most((p) => p.phones.length),
      ['Label', 'Value'],
    ),
    ...numbered(
      'Address',
      most((p) => p.addresses?.length ?? 0),
      ['Label', ...ADDRESS_COLUMNS.map(([column]) => column)],
    ),
    'Organization Name',
    'Organization Title',
    'Organization Department',
    ...numbered(
      'Website',
      most((p) => websitesOf(p).length),
      ['Label', 'Value'],
    ),
  ];
}

function googleRow(party: Party): Record<string, string> {
  const n = party.nameParts ?? {};
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
  };
  party.emails.forEach((email, i) => {
    row[`E-mail ${i + 1} - Label`] =
      `${i === 0 ? '* ' : ''}${labelFor(party, 'emailLabels', email)}`;
    row[`E-mail ${i + 1} - Value`] = email;
  });
  party.phones.forEach((phone, i) => {
    row[`Phone ${i + 1} - Label`] = labelFor(party, 'phoneLabels', phone);
    row[`Phone ${i + 1} - Value`] = phone;
  });
  (party.addresses ?? []).forEach((address, i) => {
    row[`Address ${i + 1} - Label`] =
      address.label ?? (address.types[0] ? GOOGLE_LABELS[address.types[0]] : '');
    for (const [column, part] of ADDRESS_COLUMNS)
      row[`Address ${i + 1} - ${column}`] = address[part] ?? '';
  });
  websitesOf(party).forEach((site, i) => {
    row[`Website ${i + 1} - Label`] = labelFor(party, 'websiteLabels', site);
    row[`Website ${i + 1} - Value`] = site;
  });
  return row;
}

const OUTLOOK_PREFIXES = ['Business', 'Home', 'Other'] as const;
type OutlookPrefix = (typeof OUTLOOK_PREFIXES)[number];

const outlookAddressColumns = (prefix: OutlookPrefix) => [
  `${prefix} Street`,
  `${prefix} Street 2`,
  `${prefix} City`,
  `${prefix} State`,
  `${prefix} Postal Code`,
  `${prefix} Country/Region`,
  `${prefix} Address PO Box`,
];

const OUTLOOK_PHONES = [
  'Business Phone',
  'Business Phone 2',
  'Home Phone',
  'Home Phone 2',
  'Mobile Phone',
  'Other Phone',
  'Business Fax',
  'Home Fax',
  'Other Fax',
  'Pager',
];

const OUTLOOK = [
  'Title',
  'First Name',
  'Middle Name',
  'Last Name',
  'Suffix',
  'Company',
  'Department',
  'Job Title',
  ...OUTLOOK_PREFIXES.flatMap(outlookAddressColumns),
  ...OUTLOOK_PHONES,
  'Birthday',
  'Categories',
  'E-mail Address',
  'E-mail 2 Address',
  'E-mail 3 Address',
  'Notes',
  'Web Page',
];
const OUTLOOK_EMAILS = ['E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address'];

/** The columns a phone of these types may take, best first; the first free one wins. */
function phoneColumns(types: readonly ContactType[]): string[] {
  const home = types.includes('home');
  if (types.includes('fax'))
    return home
      ? ['Home Fax', 'Other Fax', 'Business Fax']
      : types.includes('other') && !types.includes('work')
        ? ['Other Fax', 'Business Fax', 'Home Fax']
        : ['Business Fax', 'Other Fax', 'Home Fax'];
  if (types.includes('pager')) return ['Pager', 'Other Phone'];
  if (types.includes('mobile')) return ['Mobile Phone', 'Other Phone'];
  if (home) return ['Home Phone', 'Home Phone 2', 'Other Phone'];
  if (types.includes('other')) return ['Other Phone', 'Business Phone', 'Business Phone 2'];
  return ['Business Phone', 'Business Phone 2', 'Other Phone'];
}

/** The address block an address of these types may take, best first. */
function addressBlocks(types: readonly ContactType[]): OutlookPrefix[] {
  if (types.includes('work')) return ['Business', 'Other'];
  if (types.includes('home')) return ['Home', 'Other'];
  return ['Other'];
}

function outlookRow(party: Party): { row: Record<string, string>; left: LeftOut } {
  const n = party.nameParts ?? {};
  const sites = websitesOf(party);
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
    Notes: party.notes,
    'Web Page': sites[0] ?? '',
  };
  OUTLOOK_EMAILS.forEach((column, i) => (row[column] = party.emails[i] ?? ''));
  const left: LeftOut = {
    emails: Math.max(0, party.emails.length - OUTLOOK_EMAILS.length),
    phones: 0,
    addresses: 0,
    websites: Math.max(0, sites.length - 1),
    parties: 0,
  };
  for (const phone of party.phones) {
    const types = party.phoneLabels?.find((l) => l.value === phone)?.types ?? [];
    const column = phoneColumns(types).find((c) => !row[c]);
    if (column) row[column] = phone;
    else left.phones++;
  }
  const taken = new Set<OutlookPrefix>();
  for (const address of party.addresses ?? []) {
    const block = addressBlocks(address.types).find((b) => !taken.has(b));
    if (!block) {
      left.addresses++;
      continue;
    }
    taken.add(block);
    writeOutlookAddress(row, block, address);
  }
  left.parties = left.emails + left.phones + left.addresses + left.websites > 0 ? 1 : 0;
  return { row, left };
}

function writeOutlookAddress(row: Record<string, string>, prefix: OutlookPrefix, a: PostalAddress) {
  const [street, street2, city, state, postal, country, poBox] = outlookAddressColumns(prefix);
  row[street!] = a.street ?? '';
  row[street2!] = a.extended ?? '';
  row[city!] = a.locality ?? '';
  row[state!] = a.region ?? '';
  row[postal!] = a.postalCode ?? '';
  row[country!] = a.country ?? '';
  row[poBox!] = a.poBox ?? '';
}

const NOTHING_LEFT: LeftOut = { emails: 0, phones: 0, addresses: 0, websites: 0, parties: 0 };

/** The book in a contacts app's layout, every cell guarded but valid phones. */
export function partiesToContactsCsv(
  parties: readonly Party[],
  layout: ContactsLayout,
): ContactsCsv {
  const leftOut = { ...NOTHING_LEFT };
  let header: string[];
  let rows: Record<string, string>[];
  if (layout === 'google') {
    header = googleHeader(parties);
    rows = parties.map(googleRow);
  } else {
    header = OUTLOOK;
    rows = parties.map((party) => {
      const { row, left } = outlookRow(party);
      for (const key of Object.keys(leftOut) as (keyof LeftOut)[]) leftOut[key] += left[key];
      return row;
    });
  }
  const isPhone = (column: string) =>
    layout === 'google' ? /^Phone \d+ - Value$/.test(column) : OUTLOOK_PHONES.includes(column);
  const data = rows.map((row) =>
    header.map((column) => neutralizeContactCell(row[column] ?? '', isPhone(column))),
  );
  const text = `\uFEFF${Papa.unparse({ fields: header, data }, { newline: '\r\n', escapeFormulae: false })}\r\n`;
  return { text, leftOut };
}
