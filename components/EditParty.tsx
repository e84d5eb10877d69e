import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ClearableField } from '../lib/db/party-repository';
import { cardDateInput } from '../lib/domain/card-format';
import type { Party, PartyPatch } from '../lib/domain/party';
import type { RelationshipKind } from '../lib/domain/relationship';
import { t, type MessageKey } from '../lib/platform/i18n';
import { unitsOf, type ValueList } from '../lib/ui/card-draft';
import {
  addressesOfRows,
  addressRowsOf,
  sameAddresses,
  sameLabels,
  valueRowsOf,
  valuesOfRows,
  type AddressRow,
  type ValueRow,
} from '../lib/ui/card-rows';
import { CardDateField } from './CardDateField';
import { AddressRows, ValueRows } from './CardRows';

export interface PartyEdit {
  patch: PartyPatch;
  clear: ClearableField[];
}

export interface EditPartyProps {
  party: Party;
  busy: boolean;
  /** Why the last save was refused, in the store's words. */
  problem: string | null;
  onSave: (edit: PartyEdit) => void;
  onCancel: () => void;
}

export type { ValueList };

export interface Fields {
  name: string;
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

/** The fields the form holds as plain text. */
type TextKey = { [K in keyof Fields]: Fields[K] extends string ? K : never }[keyof Fields];

const CHECK_IN_DEFAULT: Record<RelationshipKind, MessageKey> = {
  client: 'edit_checkInDays_client',
  customer: 'edit_checkInDays_customer',
  prospect: 'edit_checkInDays_prospect',
  former: 'edit_checkInDays_former',
};

export function fieldsOf(party: Party): Fields {
  return {
    name: party.name,
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

/** A record's details, edited in place. Escape cancels; the name field has focus first. */
export function EditParty({ party, busy, problem, onSave, onCancel }: EditPartyProps) {
  const [fields, setFields] = useState<Fields>(() => fieldsOf(party));
  const [invalid, setInvalid] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const alert = useRef<HTMLParagraphElement>(null);
  // Before paint: a key pressed as the form appears must not land in a field it then leaves.
  useLayoutEffect(() => first.current?.focus(), []);

  const set = (key: TextKey) => (event: Event) =>
    setFields((current) => ({
      ...current,
      [key]: (event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value,
    }));

  const submit = (event: Event) => {
    event.preventDefault();
    const edit = editOf(party, fields);
    if (typeof edit === 'string') return setInvalid(edit);
    setInvalid(null);
    if (Object.keys(edit.patch).length === 0 && edit.clear.length === 0) return onCancel();
    onSave(edit);
  };

  const setList = (key: 'emails' | 'phones' | 'websites', rows: ValueRow[], preferred: number) =>
    setFields((current) => ({ ...current, [key]: { rows, preferred } }));

  const text = (key: TextKey, label: string, testId: string, type = 'text') => (
    <label>
      {label}
      <input
        type={type}
        value={fields[key]}
        onInput={set(key)}
        data-testid={testId}
        ref={key === 'name' ? first : undefined}
      />
    </label>
  );

  const dateField = (key: 'birthday' | 'anniversary', label: string, testId: string) => (
    <CardDateField
      label={label}
      value={fields[key]}
      onInput={(value) => setFields((current) => ({ ...current, [key]: value }))}
      testId={testId}
    />
  );

  const shown = invalid ?? problem;
  // The save button was disabled while saving, which drops the focus: bring it to the reason,
  // before the reason is painted (an effect would leave a frame in which Escape, pressed on
  // the page's body, reaches nothing and does not cancel).
  useLayoutEffect(() => {
    if (shown) alert.current?.focus();
  }, [shown]);
  return (
    <form
      class="edit-party"
      data-testid="edit-party"
      aria-label={t('edit_label', party.name)}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      {text('name', t('field_name'), 'edit-name')}
      <div class="row">
        {text('organizationName', t('field_organization'), 'edit-organization')}
        {text('title', t('field_title'), 'edit-title')}
      </div>
      <ValueRows
        kind="email"
        rows={fields.emails.rows}
        preferred={fields.emails.preferred}
        onChange={(rows, preferred) => setList('emails', rows, preferred)}
      />
      <ValueRows
        kind="phone"
        rows={fields.phones.rows}
        preferred={fields.phones.preferred}
        onChange={(rows, preferred) => setList('phones', rows, preferred)}
      />
      <ValueRows
        kind="website"
        rows={fields.websites.rows}
        preferred={fields.websites.preferred}
        onChange={(rows, preferred) => setList('websites', rows, preferred)}
      />
      <div class="row">
        {text('nickname', t('field_nickname'), 'edit-nickname')}
        {text('role', t('edit_role'), 'edit-role')}
        {text('units', t('edit_department'), 'edit-units')}
      </div>
      <div class="row">
        {dateField('birthday', t('field_birthdayHint'), 'edit-birthday')}
        {dateField('anniversary', t('card_anniversary'), 'edit-anniversary')}
      </div>
      <AddressRows
        rows={fields.addresses}
        onChange={(addresses) => setFields((current) => ({ ...current, addresses }))}
      />
      {text('tags', t('edit_tags'), 'edit-tags')}
      <label>
        {t(CHECK_IN_DEFAULT[party.kind])}
        <input
          type="number"
          min={1}
          max={3650}
          value={fields.checkInDays}
          onInput={set('checkInDays')}
          data-testid="edit-check-in-days"
        />
      </label>
      <label>
        {t('edit_notes')}
        <textarea rows={4} value={fields.notes} onInput={set('notes')} data-testid="edit-notes" />
      </label>
      {shown && (
        <p class="error" role="alert" tabIndex={-1} ref={alert}>
          {shown}
        </p>
      )}
      <div class="row buttons">
        <button type="submit" class="primary" disabled={busy} data-testid="edit-save">
          {busy ? t('form_saving') : t('edit_save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common_cancel')}
        </button>
      </div>
    </form>
  );
}
