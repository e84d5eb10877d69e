import type { RelationshipKind } from '../lib/domain';
import type { PageContact } from '../lib/protocol/contact-schemas';
import { catalogueLabels, t, type MessageKey } from '../lib/platform/i18n';
import { listOf, relativeTime } from '../lib/ui/format';
import { HealthDot, KindBadge } from './KindBadge';

const ADD_KINDS: RelationshipKind[] = ['client', 'customer', 'prospect'];

const SOURCE_KEYS: Record<string, MessageKey> = {
  mailto: 'source_mailto',
  'text-email': 'source_pageText',
  'obfuscated-email': 'source_disguised',
  'name-address': 'source_nameAddress',
  tel: 'source_tel',
  'text-phone': 'source_pageText',
  'json-ld': 'source_structured',
  microdata: 'source_structured',
  'h-card': 'source_hCard',
  gmail: 'source_gmail',
  outlook: 'source_outlook',
  signature: 'source_signature',
};

const ROLE_LABELS = catalogueLabels({
  sender: 'role_sender',
  recipient: 'role_recipient',
  cc: 'role_cc',
  quoted: 'role_quoted',
  signature: 'role_signature',
});

function describeSources(contact: PageContact['contact']): string {
  const key = (source: string) => SOURCE_KEYS[source];
  const labels = [...new Set(contact.sources.map((s) => (key(s) ? t(key(s)!) : s)))];
  const from = listOf(labels, 'unit');
  return contact.role ? t('page_roleFrom', ROLE_LABELS[contact.role], from) : t('page_from', from);
}

const ADD_AS: Record<RelationshipKind, MessageKey> = {
  client: 'page_addClient',
  customer: 'page_addCustomer',
  prospect: 'page_addProspect',
  former: 'page_addProspect',
};

export interface PageContactListProps {
  contacts: PageContact[];
  now: number;
  busy: boolean;
  onAdd: (contact: PageContact['contact'], kind: RelationshipKind) => void;
  onOpen: (partyId: string) => void;
}

/** Everyone found on the current page: known records with their kind, the rest with "add as". */
export function PageContactList({ contacts, now, busy, onAdd, onOpen }: PageContactListProps) {
  return (
    <ul class="contact-list" data-testid="page-contacts" aria-label={t('page_contactsLabel')}>
      {contacts.map(({ contact, phoneLabels, known }) => {
        const email = contact.emails[0] ?? '';
        const key = email || contact.phones[0] || '';
        const shownPhones = contact.phones.map((phone, i) => phoneLabels?.[i] ?? phone);
        // Someone known only by a phone is called by it.
        const calledByPhone = !contact.name && !known && !email && contact.phones.length > 0;
        const label = contact.name ?? known?.party.name ?? (calledByPhone ? shownPhones[0]! : key);
        const details = [contact.title, contact.organization].filter(Boolean).join(' · ');
        return (
          <li
            key={key}
            class="contact"
            data-testid="page-contact"
            data-email={email}
            data-known={known ? 'true' : 'false'}
          >
            <div class="contact-main">
              <span class="contact-name" data-phone={calledByPhone ? contact.phones[0] : undefined}>
                {label}
              </span>
              {details && <span class="contact-email">{details}</span>}
              {contact.emails
                .filter((address) => address !== label)
                .map((address) => (
                  <span class="contact-email" key={address}>
                    {address}
                  </span>
                ))}
              {contact.phones.map(
                (phone, i) =>
                  !(calledByPhone && i === 0) && (
                    <span class="contact-email" key={phone} data-phone={phone}>
                      {shownPhones[i]}
                    </span>
                  ),
              )}
              <span class="contact-source">{describeSources(contact)}</span>
            </div>
            {known ? (
              <div class="contact-known">
                <KindBadge kind={known.party.kind} />
                <HealthDot health={known.health} />
                <span class="muted" data-testid="last-interaction">
                  {known.party.lastInteractionAt !== undefined
                    ? t('card_lastContact', relativeTime(known.party.lastInteractionAt, now))
                    : t('card_noContact')}
                </span>
                <button
                  type="button"
                  onClick={() => onOpen(known.party.id)}
                  aria-label={t('page_openNamed', label)}
                >
                  {t('page_open')}
                </button>
              </div>
            ) : (
              <div class="contact-actions" role="group" aria-label={t('page_addNamedAs', label)}>
                {ADD_KINDS.map((kind) => (
                  <button
                    type="button"
                    key={kind}
                    disabled={busy}
                    data-testid={`add-as-${kind}`}
                    onClick={() => onAdd(contact, kind)}
                  >
                    {t(ADD_AS[kind])}
                  </button>
                ))}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
