import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ClearableField } from '../lib/db/party-repository';
import type { Party, PartyPatch } from '../lib/domain/party';

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
}

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
  if (name === '') return 'A name is required.';
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
    if (!Number.isInteger(value) || value < 1 || value > 3650)
      return 'Check-in days must be a whole number from 1 to 3650.';
    if (value !== party.checkInDays) patch.checkInDays = value;
  }
  return { patch, clear };
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
      aria-label={`Edit ${party.name}`}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      {text('name', 'Name', 'edit-name')}
      <div class="row">
        {text('organizationName', 'Organization', 'edit-organization')}
        {text('title', 'Title', 'edit-title')}
      </div>
      <div class="row">
        <label>
          Emails (one a line)
          <textarea
            rows={2}
            value={fields.emails}
            onInput={set('emails')}
            data-testid="edit-emails"
          />
        </label>
        <label>
          Phones (one a line)
          <textarea
            rows={2}
            value={fields.phones}
            onInput={set('phones')}
            data-testid="edit-phones"
          />
        </label>
      </div>
      {text('website', 'Website', 'edit-website')}
      {text('tags', 'Tags (comma-separated)', 'edit-tags')}
      <label>
        Check in every … days (empty: the default for a {party.kind})
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
        Notes
        <textarea rows={4} value={fields.notes} onInput={set('notes')} data-testid="edit-notes" />
      </label>
      {shown && (
        <p class="error" role="alert" tabIndex={-1} ref={alert}>
          {shown}
        </p>
      )}
      <div class="row buttons">
        <button type="submit" class="primary" disabled={busy} data-testid="edit-save">
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
