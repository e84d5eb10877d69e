import { ADDRESS_FIELDS, addressFieldOf } from './csv-addresses';
import { looksLikeEmail, looksLikePhone } from './csv-read';

/**
 * What a column of an imported CSV holds. `extra` keeps the cell in the notes as
 * "Header: value", so columns Clientele has no field for are not lost; `ignore` drops a column (labels such as "E-mail 1 - Type").
 */
export const CSV_FIELDS = [
  'ignore',
  'extra',
  'name',
  'namePrefix',
  'givenName',
  'additionalName',
  'familyName',
  'nameSuffix',
  'nickname',
  'email',
  'phone',
  'organization',
  'department',
  'title',
  'birthday',
  'website',
  'notes',
  'tags',
  'kind',
  'type',
  ...ADDRESS_FIELDS,
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

export type CsvLayout = 'google' | 'google-2023' | 'outlook' | 'clientele' | 'other';

/** The named layouts' names (an unrecognised layout is worded from the catalogue). */
export const LAYOUT_NAMES: Record<Exclude<CsvLayout, 'other'>, string> = {
  google: 'Google Contacts',
  'google-2023': 'Google Contacts',
  outlook: 'Outlook',
  clientele: 'Clientele',
};

export function detectLayout(header: readonly string[]): CsvLayout {
  const has = (name: string) => header.some((h) => h.toLowerCase() === name.toLowerCase());
  if (has('Name') && has('Kind') && has('E-mails')) return 'clientele';
  if (has('Given Name') && (has('E-mail 1 - Value') || has('Group Membership'))) return 'google';
  if (has('First Name') && (has('E-mail 1 - Value') || has('Labels'))) return 'google-2023';
  if (has('E-mail Address') && (has('Business Phone') || has('Mobile Phone') || has('Job Title')))
    return 'outlook';
  return 'other';
}

// Tried in order; the first match wins. Written against real Google (2019 and 2023)
// and Outlook (2016–365) export headers, and the usual names in hand-made sheets.
const RULES: [RegExp, CsvField][] = [
  [/ - (type|label)$/i, 'ignore'],
  [/e-?mail (type|display name)|e-?mail \d+ (type|display name)/i, 'ignore'],
  [/assistant|manager/i, 'extra'],
  [/yomi|phonetic|initials|^file as$|^short name$/i, 'extra'],
  [/telex|tty/i, 'extra'],
  // Outlook's Business/Home/Other Fax and Pager are phones of those types (csv-labels).
  [/\bfax\b|^pager$/i, 'phone'],
  [
    /^(name|full name|display name|contact name|contact|nom|nom complet|nombre|vollständiger name)$/i,
    'name',
  ],
  [/^(name prefix|prefix|salutation)$/i, 'namePrefix'],
  [
    /^(first name|given name|firstname|forename|prénom|prenom|vorname|nombre de pila)$/i,
    'givenName',
  ],
  [/^(middle name|additional name)$/i, 'additionalName'],
  [/^(last name|family name|surname|lastname|nom de famille|nachname|apellidos?)$/i, 'familyName'],
  [/^(name suffix|suffix)$/i, 'nameSuffix'],
  [/^(nick ?name|spitzname|surnom)$/i, 'nickname'],
  [
    /^(organization \d+ - department|organization department|department|abteilung|departamento)$/i,
    'department',
  ],
  [/^(birthday|birth ?date|date of birth|geburtstag|anniversaire|cumpleaños)$/i, 'birthday'],
  [/e-?mail/i, 'email'],
  [/phone|mobile|^cell|^tel(ephone)?\b/i, 'phone'],
  [
    /^(organization 1 - name|organization name|organisation name|company|company name|organization|organisation|employer|account|société|societe|entreprise|firma|unternehmen|empresa)$/i,
    'organization',
  ],
  [/^(organization 1 - title|organization title|job title|position|role)$/i, 'title'],
  [/web ?page|website|^url$|homepage/i, 'website'],
  [/^notes?$|^comments?$|^description$|^notizen$|^notas$/i, 'notes'],
  [/group membership|^labels$|^categories$|^tags?$/i, 'tags'],
  [/^(kind|relationship)$/i, 'kind'],
  [/^type$/i, 'type'],
];

/**
 * A suggested mapping, one field per column, from the header names alone. The user
 * can change any of it before importing. Outlook's "Title" is the name prefix (Mr,
 * Dr); elsewhere a lone "Title" is the job title.
 */
export function suggestMapping(header: readonly string[]): CsvField[] {
  const layout = detectLayout(header);
  return header.map((raw) => {
    const name = raw.trim();
    // Beside a "Job Title" column, "Title" can only be the honorific.
    if (/^title$/i.test(name))
      return layout === 'outlook' || header.some((h) => /^job title$/i.test(h.trim()))
        ? 'namePrefix'
        : 'title';
    if (layout === 'clientele' && /^(created|last interaction|next check-in)$/i.test(name))
      return 'ignore';
    if (name === '') return 'ignore';
    // After the email columns (`E-mail Address` is no postal one), before the rest.
    if (!/e-?mail/i.test(name)) {
      const address = addressFieldOf(name);
      if (address) return address;
    }
    return RULES.find(([pattern]) => pattern.test(name))?.[1] ?? 'extra';
  });
}

/**
 * A mapping for a file without a header row, from what its first rows hold: a
 * column of addresses is email, one of numbers phone, the first text column the
 * name; the rest is kept in the notes until the user says otherwise.
 */
export function suggestMappingFromData(rows: readonly (readonly string[])[]): CsvField[] {
  const width = Math.max(0, ...rows.map((row) => row.length));
  let named = false;
  return Array.from({ length: width }, (_, column) => {
    const cells = rows.map((row) => row[column]?.trim() ?? '').filter((cell) => cell !== '');
    if (cells.length === 0) return 'ignore';
    if (cells.every(looksLikeEmail)) return 'email';
    if (cells.every(looksLikePhone)) return 'phone';
    if (!named && cells.every((cell) => /\p{L}/u.test(cell))) {
      named = true;
      return 'name';
    }
    return 'extra';
  });
}

/** Whether a mapping reads anything that makes a contact. */
export function mapsAContact(mapping: readonly CsvField[]): boolean {
  const fields: CsvField[] = ['name', 'givenName', 'familyName', 'email', 'phone', 'organization'];
  return mapping.some((field) => fields.includes(field));
}
