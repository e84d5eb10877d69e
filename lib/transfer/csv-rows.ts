import { cardDateInput } from '../domain/card-format';
import type { ValueLabel } from '../domain/card-fields';
import type { PartyDraft } from '../domain/party';
import type { RelationshipKind } from '../domain/relationship';
import { addressesOfCells, isAddressField, type AddressCell } from './csv-addresses';
import { detectLayout, type CsvField } from './csv-layouts';
import { labelOfColumn } from './csv-labels';
import { restoreCell } from './formula';
import { plainNotes, type NoteWords } from './note-words';
import { asKind, draftTooLarge, firstBadEmail, normalizeBreaks, unique } from './import-draft';
import { problemError, problemWarning, type ImportProblem, type ImportRow } from './problems';
import { uiText, type UiText } from '../domain/ui-text';

export interface DraftsFromRows {
  drafts: ImportRow<PartyDraft>[];
  problems: ImportProblem[];
}

// Google joins several values in one cell with " ::: ".
const MULTI = /\s*:::\s*|\n/;
const EMAIL_LIST = /\s*(?::::|[;,\n])\s*/;
const TAG_LIST = /\s*(?::::|[;,\n])\s*/;
/**
 * A birthday is read only when it is unambiguous: 1815-12-10, or --12-10 without the
 * year (Google's forms). Outlook writes the user's own order (12/10/1815 or 10/12/1815),
 * which cannot be told apart.
 */
const ISO_DAY = /^(\d{4}-|--)\d{2}-\d{2}$/;

/**
 * Turns CSV rows into party drafts through a column mapping. A row with neither a
 * name nor an email, or with an address that is not one, is listed as an error and
 * left out; everything else is kept — cells of unmapped columns go into the notes.
 * Phones are checked where libphonenumber lives (the background), not here.
 */
export function draftsFromRows(
  header: readonly string[],
  rows: readonly ImportRow<string[]>[],
  mapping: readonly CsvField[],
  defaultKind: RelationshipKind,
  words: NoteWords = plainNotes,
): DraftsFromRows {
  const layout = detectLayout(header);
  const lists = {
    // Our own export joins only with " ::: ", so a tag may hold a comma.
    tags: layout === 'clientele' ? /\s*:::\s*/ : TAG_LIST,
    // Google marks its system groups with "* " (`* myContacts`, `* starred`).
    google: layout === 'google' || layout === 'google-2023',
  };
  const drafts: ImportRow<PartyDraft>[] = [];
  const problems: ImportProblem[] = [];
  for (const row of rows) {
    const read = draftFromRow(header, row.value, mapping, defaultKind, lists, words);
    for (const message of read.warnings) problems.push(problemWarning(message, { line: row.line }));
    if ('error' in read) problems.push(problemError(read.error, { line: row.line }));
    else drafts.push({ line: row.line, value: read.draft });
  }
  return { drafts, problems };
}

type RowRead = { warnings: UiText[] } & ({ draft: PartyDraft } | { error: UiText });

function draftFromRow(
  header: readonly string[],
  cells: readonly string[],
  mapping: readonly CsvField[],
  defaultKind: RelationshipKind,
  lists: { tags: RegExp; google: boolean },
  words: NoteWords,
): RowRead {
  const values = new Map<CsvField, string[]>();
  const extras: string[] = [];
  const addressCells: AddressCell[] = [];
  const typed: { field: 'email' | 'phone'; value: string; label: Omit<ValueLabel, 'value'> }[] = [];
  const warnings: UiText[] = [];
  const columnName = (column: number) =>
    header[column] ?? words('text_import_columnName', String(column + 1));
  mapping.forEach((field, column) => {
    const raw = cells[column];
    if (raw === undefined || field === 'ignore') return;
    const value = normalizeBreaks(restoreCell(raw)).trim();
    if (value === '') return;
    if (isAddressField(field)) {
      addressCells.push({ header: columnName(column), field, value });
      return;
    }
    // A birthday Clientele cannot read for sure stays in the notes as written.
    if (
      field === 'extra' ||
      (field === 'birthday' && !(ISO_DAY.test(value) && cardDateInput(value)))
    )
      extras.push(`${columnName(column)}: ${value}`);
    else {
      values.set(field, [...(values.get(field) ?? []), value]);
      if (field === 'email' || field === 'phone') {
        const label = labelOfColumn(header, cells, column);
        if (label) typed.push({ field, value, label });
      }
    }
  });
  const first = (field: CsvField) => values.get(field)?.[0];
  const all = (field: CsvField, split: RegExp) =>
    unique((values.get(field) ?? []).flatMap((value) => value.split(split).map((v) => v.trim())));

  const emails = all('email', EMAIL_LIST);
  const bad = firstBadEmail(emails);
  if (bad !== undefined) return { warnings, error: uiText('import_csv_bad_email', { value: bad }) };

  const personName = ['namePrefix', 'givenName', 'additionalName', 'familyName', 'nameSuffix']
    .map((field) => first(field as CsvField))
    .filter(Boolean)
    .join(' ');
  const organization = first('organization');
  const name = first('name') ?? (personName || organization || emails[0]);
  if (!name) return { warnings, error: uiText('import_csv_no_name') };

  const kindCell = first('kind');
  const kind = kindCell === undefined ? defaultKind : asKind(kindCell);
  if (kindCell !== undefined && kind === undefined)
    warnings.push(uiText('import_csv_unknown_kind', { value: kindCell, kind: defaultKind }));
  const typeCell = first('type')?.toLowerCase();
  const type =
    typeCell === 'organization' || typeCell === 'person'
      ? typeCell
      : !first('name') && !personName && organization
        ? 'organization'
        : 'person';

  const websites = all('website', MULTI);
  const postal = addressesOfCells(addressCells);
  extras.push(...postal.extras);
  const notes = [
    ...(values.get('notes') ?? []),
    // Past the 50 more websites a record holds, the rest stay as text.
    ...websites.slice(51).map((site) => words('text_import_websiteNote', site)),
    ...extras,
  ].join('\n');
  const draft: PartyDraft = {
    type,
    name,
    kind: kind ?? defaultKind,
    emails,
    phones: all('phone', MULTI),
    tags: lists.google
      ? all('tags', lists.tags)
          .map((tag) => tag.replace(/^\* (?=\S)/, ''))
          .filter((tag) => tag !== 'myContacts')
      : all('tags', lists.tags),
    notes,
  };
  // When the organization stood in for a missing name, it is the name, not an employer.
  if (organization && !(name === organization && !first('name')))
    draft.organizationName = organization;
  const title = first('title');
  if (title) draft.title = title;
  if (websites[0]) draft.website = websites[0];
  if (websites.length > 1) draft.moreWebsites = websites.slice(1, 51);
  // Thunderbird, Outlook and Google give the parts beside the display name: both are kept.
  const parts = {
    prefix: first('namePrefix'),
    given: first('givenName'),
    additional: first('additionalName'),
    family: first('familyName'),
    suffix: first('nameSuffix'),
  };
  if (Object.values(parts).some(Boolean))
    draft.nameParts = Object.fromEntries(Object.entries(parts).filter(([, v]) => v));
  const nickname = first('nickname');
  if (nickname) draft.nickname = nickname;
  if (postal.addresses.length > 0) draft.addresses = postal.addresses;
  // A cell of several values (Google's ` ::: `) gives each of them the column's type.
  for (const field of ['email', 'phone'] as const) {
    const split = field === 'email' ? EMAIL_LIST : MULTI;
    const labels = typed
      .filter((t) => t.field === field)
      .flatMap(({ value, label }) =>
        value
          .split(split)
          .map((v) => v.trim())
          .filter(Boolean)
          .map((v) => ({ value: v, ...label })),
      )
      .slice(0, 50);
    if (labels.length > 0) draft[field === 'email' ? 'emailLabels' : 'phoneLabels'] = labels;
  }
  cardFieldsOfRow(draft, first);
  const tooLarge = draftTooLarge(draft);
  if (tooLarge) return { warnings, error: tooLarge };
  return { warnings, draft };
}

/** The department (our export and Google join several) and a birthday in ISO form. */
function cardFieldsOfRow(draft: PartyDraft, first: (field: CsvField) => string | undefined) {
  const units = (first('department') ?? '')
    .split(/\s*:::\s*|[\n,;]+/)
    .map((unit) => unit.trim())
    .filter(Boolean);
  if (units.length > 0) draft.organizationUnits = units.slice(0, 10);
  const birthday = cardDateInput(first('birthday') ?? '');
  if (birthday) draft.birthday = birthday;
}
