import type { ClearableField } from '../db/party-repository';
import { cardDateInput } from '../domain/card-format';
import type { Party, PartyPatch } from '../domain/party';
import { t } from '../platform/i18n';
import { NAME_PART_KEYS, unitsOf, type NamePartKey, type ValueList } from './card-draft';
import {
  addressesOfRows,
  addressRowsOf,
  sameAddresses,
  sameLabels,
  valueRowsOf,
  valuesOfRows,
  type AddressRow,
} from './card-rows';

/*
 * The side panel's edit form as data: a record turned into the form's fields, and
 * the fields turned back into the smallest patch that says what the user changed.
 * Apart from the form so the rules can be tested whole. No zod here: the side
 * panel's bundle loads it.
 */

export interface PartyEdit {
  patch: PartyPatch;
  clear: ClearableField[];
}

export type NamePartTexts = Record<NamePartKey, string>;

export interface Fields {
  name: string;
  nameParts: NamePartTexts;
  organizationName: string;
  title: string;
  emails: ValueList;
  phones: ValueList;
  websites: ValueList;
  notes: string;
  tags: string;
  checkInDays: string;
  nickname: string;
  role: string;
  units: string;
  birthday: string;
  anniversary: string;
  addresses: AddressRow[];
}

export function fieldsOf(party: Party): Fields {
  return {
    name: party.name,
    nameParts: namePartTextsOf(party.nameParts),
    organizationName: party.organizationName ?? '',
    title: party.title ?? '',
    emails: { rows: valueRowsOf(party.emails, party.emailLabels), preferred: 0 },
    phones: { rows: valueRowsOf(party.phones, party.phoneLabels), preferred: 0 },
    websites: { rows: valueRowsOf(websitesOf(party), party.websiteLabels), preferred: 0 },
    notes: party.notes,
    tags: party.tags.join(', '),
    checkInDays: party.checkInDays === undefined ? '' : String(party.checkInDays),
    nickname: party.nickname ?? '',
    role: party.role ?? '',
    units: (party.organizationUnits ?? []).join(', '),
    birthday: party.birthday ?? '',
    anniversary: party.anniversary ?? '',
    addresses: addressRowsOf(party.addresses),
  };
}

const namePartTextsOf = (parts: Party['nameParts']): NamePartTexts => ({
  prefix: parts?.prefix ?? '',
  given: parts?.given ?? '',
  additional: parts?.additional ?? '',
  family: parts?.family ?? '',
  suffix: parts?.suffix ?? '',
});

/** The preferred website first, then the others, as the record keeps them apart. */
const websitesOf = (party: Party) =>
  party.website ? [party.website, ...(party.moreWebsites ?? [])] : (party.moreWebsites ?? []);

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);

/**
 * Only what the user changed, so a save never rewrites a field someone else just
 * changed; emptied optional fields are named in `clear`. Returns a sentence when the
 * form cannot be saved as it stands.
 */
export function editOf(party: Party, fields: Fields): PartyEdit | string {
  const patch: PartyPatch = {};
  const clear: ClearableField[] = [];
  const name = fields.name.trim();
  if (name === '') return t('field_nameRequired');
  if (name !== party.name) patch.name = name;
  const nameParts = namePartsEditOf(party, fields.nameParts);
  if (nameParts) patch.nameParts = nameParts;
  for (const key of ['organizationName', 'title'] as const) {
    const value = fields[key].trim();
    if (value === (party[key] ?? '')) continue;
    if (value === '') clear.push(key);
    else patch[key] = value;
  }
  const emails = valuesOfRows(fields.emails.rows, fields.emails.preferred);
  if (!sameList(emails.values, party.emails)) patch.emails = emails.values;
  // Labels name values as typed; the store keys them by the values it normalises.
  if (!sameLabels(emails.labels, party.emailLabels, emails.values))
    patch.emailLabels = emails.labels;
  const phones = valuesOfRows(fields.phones.rows, fields.phones.preferred);
  if (!sameList(phones.values, party.phones)) patch.phones = phones.values;
  if (!sameLabels(phones.labels, party.phoneLabels, phones.values))
    patch.phoneLabels = phones.labels;
  websiteEditOf(party, fields.websites, patch, clear);
  const tags = [
    ...new Set(
      fields.tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
  if (!sameList(tags, party.tags)) patch.tags = tags;
  if (fields.notes !== party.notes) patch.notes = fields.notes;
  const days = fields.checkInDays.trim();
  if (days === '') {
    if (party.checkInDays !== undefined) clear.push('checkInDays');
  } else {
    const value = Number(days);
    if (!Number.isInteger(value) || value < 1 || value > 3650) return t('edit_checkInDaysInvalid');
    if (value !== party.checkInDays) patch.checkInDays = value;
  }
  const card = cardEditOf(party, fields);
  if (typeof card === 'string') return card;
  return { patch: { ...patch, ...card }, clear };
}

/*
 * The display name and the name parts (vCard's FN and N) are edited apart, and
 * neither is derived from the other on save:
 * - parts the user edited are written as typed: explicit parts win, whatever the
 *   display name says;
 * - a display name changed with the parts left alone leaves the parts as they were.
 *   A name cannot be split into parts reliably ("Ada King", "Mary van der Berg",
 *   "Dr. Jones"), and a guess written to N would spread to every contacts app on
 *   the next sync. The form says so beside the parts (`namePartsLeftBehind`), so
 *   the two drifting apart is never silent.
 * The whole set is sent when any part changed: the record keeps the parts together.
 */
function namePartsEditOf(party: Party, typed: NamePartTexts): PartyPatch['nameParts'] {
  const stored = namePartTextsOf(party.nameParts);
  if (NAME_PART_KEYS.every((key) => typed[key].trim() === stored[key])) return undefined;
  const parts: NonNullable<PartyPatch['nameParts']> = {};
  for (const key of NAME_PART_KEYS) {
    const value = typed[key].trim();
    if (value) parts[key] = value;
  }
  return parts;
}

/**
 * True when the form's display name has changed while the record's name parts,
 * which exist, were left as they were: the form then tells the user the parts stay.
 */
export function namePartsLeftBehind(party: Party, fields: Fields): boolean {
  if (!party.nameParts || fields.name.trim() === party.name) return false;
  return namePartsEditOf(party, fields.nameParts) === undefined;
}

/** The address-book fields the form edits. */
function cardEditOf(party: Party, fields: Fields): PartyPatch | string {
  const patch: PartyPatch = {};
  for (const key of ['nickname', 'role'] as const) {
    const value = fields[key].trim();
    if (value !== (party[key] ?? '')) patch[key] = value;
  }
  for (const key of ['birthday', 'anniversary'] as const) {
    const value = cardDateInput(fields[key]);
    if (value === undefined)
      return t(key === 'birthday' ? 'field_birthdayInvalid' : 'edit_anniversaryInvalid');
    if (value !== (party[key] ?? '')) patch[key] = value;
  }
  const units = unitsOf(fields.units);
  if (!sameList(units, party.organizationUnits ?? [])) patch.organizationUnits = units;
  const addresses = addressesOfRows(fields.addresses);
  if (!sameAddresses(addresses, party.addresses)) patch.addresses = addresses;
  return patch;
}

/** The preferred website is the record's `website`; the others are `moreWebsites`. */
function websiteEditOf(party: Party, list: ValueList, patch: PartyPatch, clear: ClearableField[]) {
  const { values, labels } = valuesOfRows(list.rows, list.preferred);
  const [website = '', ...more] = values;
  if (website !== (party.website ?? '')) {
    if (website === '') clear.push('website');
    else patch.website = website;
  }
  if (!sameList(more, party.moreWebsites ?? [])) patch.moreWebsites = more;
  if (!sameLabels(labels, party.websiteLabels, values)) patch.websiteLabels = labels;
}
