import type { RelationshipKind } from '../lib/domain';
import type { PageContact } from '../lib/protocol/contact-schemas';
import { relativeTime } from '../lib/ui/format';
import { HealthDot, KindBadge } from './KindBadge';

const ADD_KINDS: RelationshipKind[] = ['client', 'customer', 'prospect'];

const SOURCE_LABELS: Record<string, string> = {
  mailto: 'email link',
  'text-email': 'page text',
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
    <ul class="contact-list" data-testid="page-contacts" aria-label="Contacts on this page">
      {contacts.map(({ contact, known }) => {
        const email = contact.emails[0] ?? '';
        const label = contact.name ?? known?.party.name ?? email;
        return (
          <li
            key={email}
            class="contact"
            data-testid="page-contact"
            data-email={email}
            data-known={known ? 'true' : 'false'}
          >
            <div class="contact-main">
              <span class="contact-name">{label}</span>
              {label !== email && <span class="contact-email">{email}</span>}
              <span class="contact-source">
                from {contact.sources.map((source) => SOURCE_LABELS[source] ?? source).join(', ')}
              </span>
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
