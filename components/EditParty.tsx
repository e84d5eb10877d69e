import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Party } from '../lib/domain/party';
import type { RelationshipKind } from '../lib/domain/relationship';
import { t, type MessageKey } from '../lib/platform/i18n';
import type { ValueRow } from '../lib/ui/card-rows';
import {
  editOf,
  fieldsOf,
  namePartsLeftBehind,
  type Fields,
  type PartyEdit,
} from '../lib/ui/party-edit';
import { CardDateField } from './CardDateField';
import { AddressRows, ValueRows } from './CardRows';
import { NamePartFields } from './NamePartFields';

// The form's rules (what a save sends, how the name and its parts relate) are in
// lib/ui/party-edit.ts; this is the form.

export type { PartyEdit };

export interface EditPartyProps {
  party: Party;
  busy: boolean;
  /** Why the last save was refused, in the store's words. */
  problem: string | null;
  onSave: (edit: PartyEdit) => void;
  onCancel: () => void;
}

/** The fields the form holds as plain text. */
type TextKey = { [K in keyof Fields]: Fields[K] extends string ? K : never }[keyof Fields];

const CHECK_IN_DEFAULT: Record<RelationshipKind, MessageKey> = {
  client: 'edit_checkInDays_client',
  customer: 'edit_checkInDays_customer',
  prospect: 'edit_checkInDays_prospect',
  former: 'edit_checkInDays_former',
};

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
      <NamePartFields
        parts={fields.nameParts}
        onChange={(nameParts) => setFields((current) => ({ ...current, nameParts }))}
        testId="edit-name"
      >
        {namePartsLeftBehind(party, fields) && t('edit_namePartsKept')}
      </NamePartFields>
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
