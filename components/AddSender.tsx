import { cardDateInput } from '../lib/domain/card-format';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PartyDraft } from '../lib/domain/party';
import type { RelationshipKind } from '../lib/domain/relationship';
import { emptyCardDetails, withCardDetails, type CardDetails } from '../lib/ui/card-draft';
import { nameFromAddress } from '../lib/ui/draft-from-contact';
import { t, type MessageKey } from '../lib/platform/i18n';
import { AddDetails } from './AddDetails';
import { CardDateField } from './CardDateField';
import { DisclosureButton, DisclosurePanel } from './Disclosure';

/** Someone the page shows who is not on file yet. */
export interface SenderContact {
  name?: string;
  emails: readonly string[];
  phones: readonly string[];
  organization?: string;
  title?: string;
  website?: string;
}

export interface AddSenderProps {
  contact: SenderContact;
  /** Where they were seen (kept on the record as where it was captured). */
  url?: string;
  now: number;
  busy: boolean;
  problem: string | null;
  /** The kind to suggest first (a right-click "Add as …" that needs another look). */
  kind?: RelationshipKind;
  /** Says where the extra details came from: "signature" in mail, "page" elsewhere. */
  detailsFrom?: 'signature' | 'page';
  onAdd: (draft: PartyDraft) => void;
}

const ADD_KINDS = ['client', 'customer', 'prospect'] as const;
const ADD_AS: Record<(typeof ADD_KINDS)[number], MessageKey> = {
  client: 'add_asClient',
  customer: 'add_asCustomer',
  prospect: 'add_asProspect',
};

interface Suggestion {
  key: string;
  label: string;
  value: string;
  apply: (draft: PartyDraft) => void;
}

function suggestionsOf(contact: SenderContact): Suggestion[] {
  const out: Suggestion[] = [];
  const { title, organization, website } = contact;
  if (title)
    out.push({
      key: 'title',
      label: t('field_title'),
      value: title,
      apply: (d) => void (d.title = title),
    });
  if (organization)
    out.push({
      key: 'organization',
      label: t('field_organization'),
      value: organization,
      apply: (d) => void (d.organizationName = organization),
    });
  for (const phone of contact.phones)
    out.push({
      key: `phone:${phone}`,
      label: t('field_phone'),
      value: phone,
      apply: (d) => void (d.phones = [...(d.phones ?? []), phone]),
    });
  if (website)
    out.push({
      key: 'website',
      label: t('field_website'),
      value: website,
      apply: (d) => void (d.website = website),
    });
  return out;
}

/**
 * Adds someone not on file, prefilled from the page: the name and address as
 * given, and the details a signature offered as suggestions the user ticks —
 * a signature is weaker evidence than the sender's own header.
 */
export function AddSender({
  contact,
  url,
  now,
  busy,
  problem,
  kind,
  detailsFrom = 'signature',
  onAdd,
}: AddSenderProps) {
  const email = contact.emails[0];
  const [name, setName] = useState(
    () => contact.name ?? (email ? nameFromAddress(email) : (contact.phones[0] ?? '')),
  );
  const suggestions = suggestionsOf(contact);
  const [accepted, setAccepted] = useState<ReadonlySet<string>>(new Set());
  const [invalid, setInvalid] = useState<string | null>(null);
  const nameField = useRef<HTMLInputElement>(null);
  // Before the form is painted, so that no key pressed once it shows lands on the body.
  useLayoutEffect(() => nameField.current?.focus(), []);

  const [nickname, setNickname] = useState('');
  const [born, setBorn] = useState('');
  const [details, setDetails] = useState<CardDetails>(emptyCardDetails);
  const [more, setMore] = useState(false);
  const moreButton = useRef<HTMLButtonElement>(null);
  const add = (chosen: RelationshipKind) => {
    if (name.trim() === '') return setInvalid(t('field_nameRequired'));
    setInvalid(null);
    const draft: PartyDraft = {
      type: 'person',
      name: name.trim(),
      kind: chosen,
      emails: [...contact.emails],
      phones: [],
    };
    for (const suggestion of suggestions) if (accepted.has(suggestion.key)) suggestion.apply(draft);
    const birthday = cardDateInput(born);
    if (birthday === undefined) return setInvalid(t('field_birthdayInvalid'));
    if (birthday) draft.birthday = birthday;
    if (nickname.trim()) draft.nickname = nickname.trim();
    if (url && /^https?:/i.test(url)) draft.captured = { url, at: now };
    const whole = withCardDetails(draft, details);
    if (typeof whole === 'string') return setInvalid(whole);
    onAdd(whole);
  };

  const toggle = (key: string, on: boolean) =>
    setAccepted((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  const shown = invalid ?? problem;
  return (
    <form
      class="add-sender"
      data-testid="add-sender"
      aria-label={t('add_label')}
      onSubmit={(event) => {
        event.preventDefault();
        add(kind ?? 'prospect');
      }}
    >
      <h2>{t('add_heading')}</h2>
      <label>
        {t('field_name')}
        <input
          type="text"
          value={name}
          maxLength={500}
          onInput={(e) => setName(e.currentTarget.value)}
          ref={nameField}
          data-testid="add-sender-name"
        />
      </label>
      <div class="row">
        <label>
          {t('field_nickname')}
          <input
            type="text"
            value={nickname}
            maxLength={500}
            onInput={(e) => setNickname(e.currentTarget.value)}
            data-testid="add-sender-nickname"
          />
        </label>
        <CardDateField
          label={t('field_birthdayHint')}
          value={born}
          onInput={setBorn}
          testId="add-sender-birthday"
        />
      </div>
      {contact.emails.length > 0 && (
        <ul class="details" aria-label={t('add_addresses')}>
          {contact.emails.map((address) => (
            <li key={address} data-testid="add-sender-email">
              {address}
            </li>
          ))}
        </ul>
      )}
      {suggestions.length > 0 && (
        <fieldset class="suggestions" data-testid="suggestions">
          <legend>{detailsFrom === 'page' ? t('add_fromPage') : t('add_fromSignature')}</legend>
          {suggestions.map((suggestion) => (
            <label class="check" key={suggestion.key}>
              <input
                type="checkbox"
                checked={accepted.has(suggestion.key)}
                onChange={(e) => toggle(suggestion.key, e.currentTarget.checked)}
                data-testid={`suggestion-${suggestion.key.split(':')[0]}`}
              />
              {t('card_labelled', suggestion.label, '')}
              <span class="suggestion-value">{suggestion.value}</span>
            </label>
          ))}
          {suggestions.length > 1 && (
            <button
              type="button"
              class="link"
              onClick={() => setAccepted(new Set(suggestions.map((s) => s.key)))}
            >
              {t('add_useAll')}
            </button>
          )}
        </fieldset>
      )}
      <DisclosureButton
        label={t('add_moreDetails')}
        expanded={more}
        controls="add-sender-details"
        onToggle={() => setMore(!more)}
        testId="add-sender-more"
        buttonRef={moreButton}
      />
      {more && (
        <DisclosurePanel
          id="add-sender-details"
          label={t('add_moreDetails')}
          onClose={() => {
            setMore(false);
            moreButton.current?.focus();
          }}
        >
          <AddDetails details={details} onChange={setDetails} />
        </DisclosurePanel>
      )}
      {shown && (
        <p class="error" role="alert">
          {shown}
        </p>
      )}
      <div class="add-kinds" role="group" aria-label={t('add_as')}>
        {ADD_KINDS.map((choice) => (
          <button
            type="button"
            key={choice}
            class={choice === kind ? 'primary' : undefined}
            disabled={busy}
            onClick={() => add(choice)}
            data-testid={`add-sender-${choice}`}
          >
            {t(ADD_AS[choice])}
          </button>
        ))}
      </div>
    </form>
  );
}
