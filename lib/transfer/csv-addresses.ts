import { PostalAddressSchema, type ContactType, type PostalAddress } from '../domain/card-fields';

/*
 * Postal addresses in CSV files. Exporters spread one address over several columns
 * whose names share a prefix: Google `Address 1 - City`, Outlook `Business City`,
 * Thunderbird `Work City`. The prefix says which address a column belongs to (and,
 * for Outlook and Thunderbird, its type); a column without one (`City` in a hand-made
 * sheet, or any column the user maps by hand) belongs to the row's one plain address.
 */

export const ADDRESS_FIELDS = [
  'addressStreet',
  'addressExtended',
  'addressPoBox',
  'addressLocality',
  'addressRegion',
  'addressPostalCode',
  'addressCountry',
  'addressType',
  'addressFormatted',
] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

export const isAddressField = (field: string): field is AddressField =>
  (ADDRESS_FIELDS as readonly string[]).includes(field);

const PREFIX = /^(?:(address \d+) - |(business|home|other|work) )/i;

// The part a column holds, from its name without the prefix. Outlook's `Business
// Street 2` and Thunderbird's `Work Address 2` hold the suite or floor: vCard's
// extended address.
const PARTS: [RegExp, AddressField][] = [
  [/^(type|label)$/i, 'addressType'],
  [/^formatted$/i, 'addressFormatted'],
  [/^(street|address|address line 1|straße|strasse|rue|calle|dirección)$/i, 'addressStreet'],
  [/^extended address$|^(street|address) \d$|^address line \d$/i, 'addressExtended'],
  [/^(address )?p\.?\s?o\.? box$|^(postfach|boîte postale|apartado postal)$/i, 'addressPoBox'],
  [/^(city|town|locality|ort|stadt|ville|ciudad|localidad)$/i, 'addressLocality'],
  [/^(state|region|province|county|bundesland|région|provincia)$/i, 'addressRegion'],
  [
    /^(postal ?code|post ?code|zip ?code|zip|plz|postleitzahl|code postal|c[oó]digo postal)$/i,
    'addressPostalCode',
  ],
  [/^(country|country\/region|land|pays|pa[ií]s)$/i, 'addressCountry'],
];

/** The address field a column's name says it holds, if any. */
export function addressFieldOf(header: string): AddressField | undefined {
  const name = header.trim();
  const prefix = PREFIX.exec(name);
  const rest = prefix ? name.slice(prefix[0].length) : name;
  // A lone `Type` or `Label` column is not an address's.
  if (!prefix && /^(type|label)$/i.test(rest)) return undefined;
  return PARTS.find(([pattern]) => pattern.test(rest))?.[1];
}

/** Which address of the row a column belongs to: its prefix, or '' for the plain one. */
function groupOf(header: string): string {
  const prefix = PREFIX.exec(header.trim());
  const key = (prefix?.[1] ?? prefix?.[2] ?? '').toLowerCase();
  return key === 'business' ? 'work' : key;
}

// A Map, not an object: a cell could hold `constructor`.
const TYPE_WORDS = new Map<string, ContactType>([
  ['work', 'work'],
  ['business', 'work'],
  ['home', 'home'],
  ['other', 'other'],
]);

export interface AddressCell {
  header: string;
  field: AddressField;
  value: string;
}

const PART_OF = {
  addressStreet: 'street',
  addressExtended: 'extended',
  addressPoBox: 'poBox',
  addressLocality: 'locality',
  addressRegion: 'region',
  addressPostalCode: 'postalCode',
  addressCountry: 'country',
} as const;

/**
 * A row's address cells as typed addresses. A formatted address (Google's
 * `Formatted`) stands in for the street only when the row gives no part of it;
 * beside a street it repeats the parts and is dropped; beside other parts but no
 * street it goes to the notes (`extras`) as written, so nothing is lost. An address
 * too long for the record also goes to the notes.
 */
export function addressesOfCells(cells: readonly AddressCell[]): {
  addresses: PostalAddress[];
  extras: string[];
} {
  const groups = new Map<string, AddressCell[]>();
  for (const cell of cells) {
    const key = groupOf(cell.header);
    groups.set(key, [...(groups.get(key) ?? []), cell]);
  }
  const addresses: PostalAddress[] = [];
  const extras: string[] = [];
  for (const [key, group] of groups) {
    const parts: Partial<Record<(typeof PART_OF)[keyof typeof PART_OF], string>> = {};
    let typeCell: string | undefined;
    let formatted: AddressCell | undefined;
    for (const cell of group) {
      if (cell.field === 'addressType') typeCell ??= cell.value;
      else if (cell.field === 'addressFormatted') formatted ??= cell;
      else {
        const part = PART_OF[cell.field];
        parts[part] = parts[part] ? `${parts[part]}\n${cell.value}` : cell.value;
      }
    }
    let formattedKept = false;
    if (formatted && !parts.street) {
      if (Object.keys(parts).length === 0) parts.street = formatted.value;
      else {
        extras.push(`${formatted.header}: ${formatted.value}`);
        formattedKept = true;
      }
    }
    if (Object.keys(parts).length === 0) continue;
    const address = { ...typeOf(key, typeCell), ...parts };
    const read = PostalAddressSchema.safeParse(address);
    if (read.success && addresses.length < 20) addresses.push(read.data);
    else
      extras.push(
        ...group
          .filter((cell) => cell.field !== 'addressType' && !(formattedKept && cell === formatted))
          .map((cell) => `${cell.header}: ${cell.value}`),
      );
  }
  return { addresses, extras };
}

/** Outlook's and Thunderbird's prefix is the type; Google's says it in a `Type` or `Label` cell. */
function typeOf(group: string, cell: string | undefined): Pick<PostalAddress, 'types' | 'label'> {
  const fromGroup = TYPE_WORDS.get(group);
  if (fromGroup) return { types: [fromGroup] };
  // Google marks the primary one `* Home`; several are joined with ` ::: `.
  const words = (cell ?? '')
    .split(/\s*:::\s*/)
    .map((word) => word.replace(/^\*\s*/, '').trim())
    .filter(Boolean);
  const types = [
    ...new Set(
      words.flatMap((w) => {
        const type = TYPE_WORDS.get(w.toLowerCase());
        return type ? [type] : [];
      }),
    ),
  ];
  const others = words.filter((w) => !TYPE_WORDS.has(w.toLowerCase()));
  const label = others.join(' ').slice(0, 100);
  return label ? { types, label } : { types };
}
