import type { ContactType, PostalAddress, ValueLabel } from '../domain/card-fields';
import type { Party } from '../domain/party';
import { escapeText, toContentLines } from './content-line';
import { labelsOfAddresses, paramValue } from './vcard-label';

export type VcardVersion = '3.0' | '4.0';

/**
 * Parties as vCards (RFC 6350 for 4.0, RFC 2426 for 3.0), one per party, every
 * field written from its structure: N from the name parts, ORG with its units,
 * typed EMAIL, TEL, URL and ADR (Apple's `itemN.X-ABLabel` for a label of the
 * exporter's own), BDAY, ANNIVERSARY, NICKNAME, PHOTO, and the properties kept
 * from the card it came from. Clientele's own fields vCard has no property for
 * (relationship kind) travel as X-CLIENTELE-KIND, so re-importing the file gives
 * the same parties back. Every value is escaped for its property: nothing in one
 * can end the card or start another.
 */
export function partiesToVcards(parties: readonly Party[], version: VcardVersion = '4.0'): string {
  return parties.map((party) => partyToVcard(party, version)).join('');
}

export function partyToVcard(party: Party, version: VcardVersion): string {
  const v4 = version === '4.0';
  const kept = keptLines(party.cardProperties);
  const group = groupNamer(kept);
  const lines = ['BEGIN:VCARD', `VERSION:${version}`];
  const isOrg = party.type === 'organization';
  if (v4) lines.push(`KIND:${isOrg ? 'org' : 'individual'}`);
  else if (isOrg) lines.push('X-ABSHOWAS:COMPANY');
  lines.push(`FN:${escapeText(party.name)}`);
  const n = party.nameParts ?? {};
  lines.push(
    `N:${[n.family, n.given, n.additional, n.prefix, n.suffix].map((p) => escapeText(p ?? '')).join(';')}`,
  );
  if (party.nickname) lines.push(`NICKNAME:${escapeText(party.nickname)}`);
  const organization = party.organizationName ?? (isOrg ? party.name : undefined);
  if (organization !== undefined || party.organizationUnits?.length)
    lines.push(
      `ORG:${[organization ?? '', ...(party.organizationUnits ?? [])].map(escapeText).join(';')}`,
    );
  if (party.title) lines.push(`TITLE:${escapeText(party.title)}`);
  if (party.role) lines.push(`ROLE:${escapeText(party.role)}`);

  party.emails.forEach((email, i) => {
    const label = labelOf(party.emailLabels, email);
    const params = typeParams(version, label?.types ?? [], i === 0, v4 ? [] : ['INTERNET']);
    lines.push(...labelled(group, label?.label, `EMAIL${params}:${escapeText(email)}`));
  });
  party.phones.forEach((phone, i) => {
    const label = labelOf(party.phoneLabels, phone);
    const params = typeParams(version, label?.types ?? [], i === 0);
    const line = v4 ? `TEL;VALUE=uri${params}:tel:${phone}` : `TEL${params}:${phone}`;
    lines.push(...labelled(group, label?.label, line));
  });
  const sites = [party.website, ...(party.moreWebsites ?? [])].filter((s): s is string => !!s);
  sites.forEach((site, i) => {
    const label = labelOf(party.websiteLabels, site);
    const params = typeParams(version, label?.types ?? [], i === 0 && sites.length > 1);
    lines.push(...labelled(group, label?.label, `URL${params}:${uriValue(site)}`));
  });
  // A kept LABEL goes into 3.0 as the line it was; 4.0 has no such property, so there
  // it is its address's LABEL parameter, and one that belongs to no address is left out.
  const addresses = party.addresses ?? [];
  const { labels, labelLines } = v4
    ? labelsOfAddresses(kept, addresses)
    : { labels: new Map<number, string>(), labelLines: new Set<string>() };
  addresses.forEach((address, i) => {
    const label = labels.get(i);
    const params = `${typeParams(version, address.types, false)}${label === undefined ? '' : `;LABEL=${paramValue(label)}`}`;
    lines.push(...labelled(group, address.label, `ADR${params}:${addressValue(address)}`));
  });
  if (party.birthday) lines.push(dateLine('BDAY', party.birthday, version));
  if (party.anniversary)
    lines.push(dateLine(v4 ? 'ANNIVERSARY' : 'X-ANNIVERSARY', party.anniversary, version));
  if (party.photo) {
    const { mediaType, data } = party.photo;
    lines.push(
      v4
        ? `PHOTO:data:${mediaType};base64,${data}`
        : `PHOTO;ENCODING=b;TYPE=${mediaType.replace(/^image\//, '').toUpperCase()}:${data}`,
    );
  }
  if (party.tags.length > 0) lines.push(`CATEGORIES:${party.tags.map(escapeText).join(',')}`);
  if (party.notes !== '') lines.push(`NOTE:${escapeText(party.notes)}`);
  lines.push(...kept.filter((line) => !labelLines.has(line)));
  lines.push(`X-CLIENTELE-KIND:${party.kind}`);
  // A card from another app goes back with its own UID, so that app knows it again.
  lines.push(`UID:${party.cardUid?.replace(/[\r\n]/g, '') ?? `urn:uuid:${party.id}`}`);
  lines.push(`REV:${new Date(party.updatedAt).toISOString().replace(/[-:]|\.\d{3}/g, '')}`);
  lines.push('END:VCARD');
  return toContentLines(lines);
}

const TYPE_WORDS: Record<ContactType, string> = {
  work: 'work',
  home: 'home',
  mobile: 'cell',
  fax: 'fax',
  pager: 'pager',
  other: 'other',
};

function typeParams(
  version: VcardVersion,
  types: readonly ContactType[],
  preferred: boolean,
  always: string[] = [],
): string {
  const words = types.map((type) => TYPE_WORDS[type]);
  if (version === '4.0')
    return `${words.length ? `;TYPE=${words.join(',')}` : ''}${preferred ? ';PREF=1' : ''}`;
  const all = [...always, ...words.map((w) => w.toUpperCase()), ...(preferred ? ['pref'] : [])];
  return all.length ? `;TYPE=${all.join(',')}` : '';
}

const labelOf = (labels: readonly ValueLabel[] | undefined, value: string) =>
  labels?.find((label) => label.value === value);

/** A line, with its label as Apple writes one: both in a group of their own. */
function labelled(group: () => string, label: string | undefined, line: string): string[] {
  if (!label) return [line];
  const name = group();
  return [`${name}.${line}`, `${name}.X-ABLabel:${escapeText(label)}`];
}

/** Group names `itemN` that no kept property already uses. */
function groupNamer(kept: readonly string[]): () => string {
  let next = Math.max(0, ...kept.map((line) => Number(/^item(\d+)\./i.exec(line)?.[1] ?? 0))) + 1;
  return () => `item${next++}`;
}

/**
 * A URI is not TEXT: it has no backslash escapes. What could break the line (a
 * line break) or be read as one (a backslash) is percent-encoded, as RFC 3986 has it.
 */
function uriValue(uri: string): string {
  return uri.replace(
    /[\r\n\\]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function addressValue(address: PostalAddress): string {
  const { poBox, extended, street, locality, region, postalCode, country } = address;
  return [poBox, extended, street, locality, region, postalCode, country]
    .map((part) => escapeText(part ?? ''))
    .join(';');
}

/** 4.0 writes `--MMDD` for a year-less date; 3.0 has none, so Apple's 1604 and X-APPLE-OMIT-YEAR. */
function dateLine(name: string, date: string, version: VcardVersion): string {
  const noYear = date.startsWith('--');
  if (version === '4.0')
    return `${name}:${noYear ? date.replace(/^--(\d\d)-/, '--$1') : date.replace(/-/g, '')}`;
  return noYear ? `${name};X-APPLE-OMIT-YEAR=1604:1604${date.slice(1)}` : `${name}:${date}`;
}

/** Envelope properties are written here, never copied; a line break could end the card. */
const NOT_KEPT = /^([^.:;]+\.)?(BEGIN|END|VERSION|UID|REV|PRODID)[;:]/i;

function keptLines(lines: readonly string[] | undefined): string[] {
  return (lines ?? []).filter(
    (line) => !/[\r\n]/.test(line) && !NOT_KEPT.test(line) && line.includes(':'),
  );
}
