import type { RelationshipKind } from '../../lib/domain/relationship';
import type { PersonYouEmail } from '../../lib/protocol/areas/email';

export interface PeopleYouEmailProps {
  /** Undefined while loading. */
  people: PersonYouEmail[] | undefined;
  onAdd: (person: PersonYouEmail, kind: RelationshipKind) => void;
  onDismiss: (person: PersonYouEmail) => void;
}

const KINDS: [RelationshipKind, string][] = [
  ['client', 'Client'],
  ['customer', 'Customer'],
  ['prospect', 'Prospect'],
];

/** Unknown people the user keeps writing to: one click adds them, one click dismisses them for good. */
export function PeopleYouEmail({ people, onAdd, onDismiss }: PeopleYouEmailProps) {
  return (
    <div class="people-you-email" data-testid="people-you-email">
      <h3>People you email</h3>
      {people === undefined ? (
        <p class="muted">Reading…</p>
      ) : people.length === 0 ? (
        <p class="muted" data-testid="people-you-email-empty">
          No one yet. People you write to often, and who are not in Clientele, appear here.
        </p>
      ) : (
        <ul>
          {people.map((person) => (
            <li key={person.email} data-testid="person-you-email" data-email={person.email}>
              <span>
                {person.name ? `${person.name} <${person.email}>` : person.email} ·{' '}
                {person.threads === 1 ? '1 thread' : `${person.threads} threads`}
              </span>{' '}
              {KINDS.map(([kind, label]) => (
                <button
                  key={kind}
                  type="button"
                  data-testid={`person-add-${kind}`}
                  onClick={() => onAdd(person, kind)}
                >
                  Add as {label.toLowerCase()}
                </button>
              ))}{' '}
              <button
                type="button"
                data-testid="person-dismiss"
                aria-label={`Never suggest ${person.email} again`}
                onClick={() => onDismiss(person)}
              >
                Dismiss
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
