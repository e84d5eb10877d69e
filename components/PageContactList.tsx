import type { RelationshipKind } from '../lib/domain';
import type { PageContact } from '../lib/protocol/contact-schemas';
import { relativeTime } from '../lib/ui/format';
import { HealthDot, KindBadge } from './KindBadge';

const ADD_KINDS: RelationshipKind[] = ['client', 'customer', 'prospect'];

const SOURCE_LABELS: Record<string, string> = {
  mailto: 'email link',
  'text-email': 'page text',
  'obfuscated-email': 'disguised address',
  'name-address': 'name and address',
  tel: 'phone link',
  'text-phone': 'page text',
  'json-ld': 'structured data',
  microdata: 'structured data',
  'h-card': 'contact card',
  gmail: 'Gmail message',
  outlook: 'Outlook message',
  signature: 'signature',
};

const ROLE_LABELS: Record<string, string> = {
  sender: 'sender',
  recipient: 'recipient',
  cc: 'in copy',
  quoted: 'in quoted mail',
  signature: 'signature',
};

function describeSources(contact: PageContact['contact']): string {
  const labels = [...new Set(contact.sources.map((source) => SOURCE_LABELS[source] ?? source))];
  const role = contact.role ? `${ROLE_LABELS[contact.role]}, ` : '';
  return `${role}from ${labels.join(', ')}`;
}

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
    <ul class="contact-list" data-testid="page-contacts" aria-label="Contacts on this page">
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
                    ? `Last contact ${relativeTime(known.party.lastInteractionAt, now)}`
                    : 'No contact logged yet'}
                </span>
                <button
                  type="button"
                  onClick={() => onOpen(known.party.id)}
                  aria-label={`Open ${label}`}
                >
                  Open
                </button>
              </div>
            ) : (
              <div class="contact-actions" role="group" aria-label={`Add ${label} as`}>
                {ADD_KINDS.map((kind) => (
                  <button
                    type="button"
                    key={kind}
                    disabled={busy}
                    data-testid={`add-as-${kind}`}
                    onClick={() => onAdd(contact, kind)}
                  >
                    + {kind}
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
