import Papa from 'papaparse';
import type { Interaction } from '../domain/interaction';
import type { Party } from '../domain/party';
import { neutralizeCell } from './formula';

export const PARTY_CSV_HEADER = [
  'Name',
  'Type',
  'Kind',
  'Organization',
  'Title',
  'E-mails',
  'Phones',
  'Website',
  'Tags',
  'Notes',
  'Created',
  'Last interaction',
  'Next check-in',
];

const JOIN = ' ::: ';
const iso = (instant: number | undefined) =>
  instant === undefined ? '' : new Date(instant).toISOString();

/**
 * Parties as CSV, one row each, several values in one cell joined with " ::: " as
 * Google does. Every cell goes through `neutralizeCell`, so nothing the user typed
 * (or a page supplied) runs as a formula when the file is opened in a spreadsheet.
 * A UTF-8 byte-order mark lets Excel read accents and scripts correctly.
 */
export function partiesToCsv(parties: readonly Party[]): string {
  const rows = parties.map((party) => [
    party.name,
    party.type,
    party.kind,
    party.organizationName ?? '',
    party.title ?? '',
    party.emails.join(JOIN),
    party.phones.join(JOIN),
    party.website ?? '',
    party.tags.join(JOIN),
    party.notes,
    iso(party.createdAt),
    iso(party.lastInteractionAt),
    iso(party.nextCheckInAt),
  ]);
  return toCsv(PARTY_CSV_HEADER, rows);
}

export const INTERACTION_CSV_HEADER = [
  'Date',
  'Party',
  'Party e-mail',
  'Type',
  'Direction',
  'Summary',
  'Link',
];

export function interactionsToCsv(
  interactions: readonly Interaction[],
  partyOf: (id: string) => Party | undefined,
): string {
  const rows = interactions.map((interaction) => {
    const party = partyOf(interaction.partyId);
    return [
      iso(interaction.at),
      party?.name ?? '',
      party?.emails[0] ?? '',
      interaction.type,
      interaction.direction,
      interaction.summary,
      interaction.link ?? '',
    ];
  });
  return toCsv(INTERACTION_CSV_HEADER, rows);
}

function toCsv(header: string[], rows: string[][]): string {
  const data = rows.map((row) => row.map(neutralizeCell));
  return `\uFEFF${Papa.unparse({ fields: header, data }, { newline: '\r\n', escapeFormulae: false })}\r\n`;
}
