import type { Party } from '../domain/party';
import { escapeText, toContentLines } from './content-line';

export type VcardVersion = '3.0' | '4.0';

/**
 * Parties as vCards (RFC 6350 for 4.0, RFC 2426 for 3.0), one per party. Clientele's
 * own fields that vCard has no property for (relationship kind) travel as
 * X-CLIENTELE-KIND, so re-importing the file gives the same parties back.
 */
export function partiesToVcards(parties: readonly Party[], version: VcardVersion = '4.0'): string {
  return parties.map((party) => partyToVcard(party, version)).join('');
}

export function partyToVcard(party: Party, version: VcardVersion): string {
  const lines = ['BEGIN:VCARD', `VERSION:${version}`];
  const isOrg = party.type === 'organization';
  if (version === '4.0') lines.push(`KIND:${isOrg ? 'org' : 'individual'}`);
  else if (isOrg) lines.push('X-ABSHOWAS:COMPANY');
  lines.push(`FN:${escapeText(party.name)}`);
  // N is required in 3.0; the full name is kept whole in FN, so N only helps sorting.
  if (version === '3.0' || !isOrg) lines.push(`N:${nameParts(party, isOrg)}`);
  if (party.organizationName) lines.push(`ORG:${escapeText(party.organizationName)}`);
  else if (isOrg) lines.push(`ORG:${escapeText(party.name)}`);
  if (party.title) lines.push(`TITLE:${escapeText(party.title)}`);
  party.emails.forEach((email, i) =>
    lines.push(`EMAIL${typeParam(version, 'internet', i === 0)}:${escapeText(email)}`),
  );
  party.phones.forEach((phone, i) =>
    lines.push(
      version === '4.0'
        ? `TEL;VALUE=uri${i === 0 ? ';PREF=1' : ''}:tel:${phone}`
        : `TEL${typeParam(version, 'voice', i === 0)}:${phone}`,
    ),
  );
  if (party.website) lines.push(`URL:${party.website}`);
  if (party.tags.length > 0) lines.push(`CATEGORIES:${party.tags.map(escapeText).join(',')}`);
  if (party.notes !== '') lines.push(`NOTE:${escapeText(party.notes)}`);
  lines.push(`X-CLIENTELE-KIND:${party.kind}`);
  lines.push(`UID:urn:uuid:${party.id}`);
  lines.push(`REV:${new Date(party.updatedAt).toISOString().replace(/[-:]|\.\d{3}/g, '')}`);
  lines.push('END:VCARD');
  return toContentLines(lines);
}

function typeParam(version: VcardVersion, type3: string, preferred: boolean): string {
  if (version === '4.0') return preferred ? ';PREF=1' : '';
  return `;TYPE=${type3}${preferred ? ',pref' : ''}`;
}

/** Family;Given;;; — a best guess that sorts well; FN keeps the name as written. */
function nameParts(party: Party, isOrg: boolean): string {
  if (isOrg) return ';;;;';
  const words = party.name.split(/\s+/);
  if (words.length < 2) return `${escapeText(party.name)};;;;`;
  const family = words[words.length - 1] ?? '';
  return `${escapeText(family)};${escapeText(words.slice(0, -1).join(' '))};;;`;
}
