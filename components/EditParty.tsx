import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ClearableField } from '../lib/db/party-repository';
import { cardDateInput } from '../lib/domain/card-format';
import type { PostalAddress } from '../lib/domain/card-fields';
import type { Party, PartyPatch } from '../lib/domain/party';
import type { RelationshipKind } from '../lib/domain/relationship';
import { t, type MessageKey } from '../lib/platform/i18n';

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

interface Fields {
  name: string;
  organizationName: string;
  title: string;
  emails: string;
  phones: string;
  website: string;
  notes: string;
  tags: string;
  checkInDays: string;
  nickname: string;
  role: string;
  units: string;
  birthday: string;
  anniversary: string;
  street: string;
  locality: string;
  region: string;
  postalCode: string;
  country: string;
}

const CHECK_IN_DEFAULT: Record<RelationshipKind, MessageKey> = {
  client: 'edit_checkInDays_client',
  customer: 'edit_checkInDays_customer',
  prospect: 'edit_checkInDays_prospect',
  former: 'edit_checkInDays_former',
};

const ADDRESS_FIELDS = ['street', 'locality', 'region', 'postalCode', 'country'] as const;

export function fieldsOf(party: Party): Fields {
  return {
    name: party.name,
    organizationName: party.organizationName ?? '',
    title: party.title ?? '',
    emails: party.emails.join('\n'),
    phones: party.phones.join('\n'),
    website: party.website ?? '',
    notes: party.notes,
    tags: party.tags.join(', '),
    checkInDays: party.checkInDays === undefined ? '' : String(party.checkInDays),
    nickname: party.nickname ?? '',
    role: party.role ?? '',
    units: (party.organizationUnits ?? []).join(', '),
    birthday: party.birthday ?? '',
    anniversary: party.anniversary ?? '',
    street: party.addresses?.[0]?.street ?? '',
    locality: party.addresses?.[0]?.locality ?? '',
    region: party.addresses?.[0]?.region ?? '',
    postalCode: party.addresses?.[0]?.postalCode ?? '',
    country: party.addresses?.[0]?.country ?? '',
  };
}

const lines = (text: string) =>
  text
    .split(/[\n,;]+/)
    .map((line) => line.trim())
    .filter(Boolean);
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
  for (const key of ['organizationName', 'title', 'website'] as const) {
    const value = fields[key].trim();
    if (value === (party[key] ?? '')) continue;
    if (value === '') clear.push(key);
    else patch[key] = value;
  }
  const emails = lines(fields.emails);
  if (!sameList(emails, party.emails)) patch.emails = emails;
  const phones = lines(fields.phones);
  if (!sameList(phones, party.phones)) patch.phones = phones;
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

/** The address-book fields the form edits (the first address only; others stay as they are). */
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
  const units = lines(fields.units);
  if (!sameList(units, party.organizationUnits ?? [])) patch.organizationUnits = units;
  const [first, ...others] = party.addresses ?? [];
  const address: PostalAddress = { ...(first ?? { types: [] }) };
  for (const key of ADDRESS_FIELDS) {
    const value = fields[key].trim();
    if (value === '') delete address[key];
    else address[key] = value;
  }
  const changed = ADDRESS_FIELDS.some((key) => (address[key] ?? '') !== (first?.[key] ?? ''));
  if (changed) {
    // From the parts, not card-fields' list: that module brings zod into the panel's bundle.
    const filled = [...ADDRESS_FIELDS, 'poBox', 'extended'].some(
      (key) => address[key as keyof PostalAddress],
    );
    patch.addresses = filled ? [address, ...others] : others;
  }
  return patch;
}

/** A record's details, edited in place. Escape cancels; the name field has focus first. */
export function EditParty({ party, busy, problem, onSave, onCancel }: EditPartyProps) {
  const [fields, setFields] = useState<Fields>(() => fieldsOf(party));
  const [invalid, setInvalid] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const alert = useRef<HTMLParagraphElement>(null);
  // Before paint: a key pressed as the form appears must not land in a field it then leaves.
  useLayoutEffect(() => first.current?.focus(), []);

  const set = (key: keyof Fields) => (event: Event) =>
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

  const text = (key: keyof Fields, label: string, testId: string, type = 'text') => (
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
      <div class="row">
        <label>
          {t('edit_emails')}
          <textarea
            rows={2}
            value={fields.emails}
            onInput={set('emails')}
            data-testid="edit-emails"
          />
        </label>
        <label>
          {t('edit_phones')}
          <textarea
            rows={2}
            value={fields.phones}
            onInput={set('phones')}
            data-testid="edit-phones"
          />
        </label>
      </div>
      {text('website', t('field_website'), 'edit-website')}
      <div class="row">
        {text('nickname', t('field_nickname'), 'edit-nickname')}
        {text('role', t('edit_role'), 'edit-role')}
        {text('units', t('edit_department'), 'edit-units')}
      </div>
      <div class="row">
        {text('birthday', t('field_birthdayHint'), 'edit-birthday')}
        {text('anniversary', t('card_anniversary'), 'edit-anniversary')}
      </div>
      <fieldset class="edit-address">
        <legend>{t('edit_address')}</legend>
        {text('street', t('edit_street'), 'edit-street')}
        <div class="row">
          {text('postalCode', t('edit_postalCode'), 'edit-postal-code')}
          {text('locality', t('edit_city'), 'edit-city')}
        </div>
        <div class="row">
          {text('region', t('edit_region'), 'edit-region')}
          {text('country', t('edit_country'), 'edit-country')}
        </div>
      </fieldset>
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
