import type { RelationshipKind } from '../../lib/domain/relationship';
import type { PersonYouEmail } from '../../lib/protocol/areas/email';
import { t, tCount, type MessageKey } from '../../lib/platform/i18n';

export interface PeopleYouEmailProps {
  /** Undefined while loading. */
  people: PersonYouEmail[] | undefined;
  onAdd: (person: PersonYouEmail, kind: RelationshipKind) => void;
  onDismiss: (person: PersonYouEmail) => void;
}

const KINDS: [RelationshipKind, MessageKey][] = [
  ['client', 'add_asClient'],
  ['customer', 'add_asCustomer'],
  ['prospect', 'add_asProspect'],
];

/** Unknown people the user keeps writing to: one click adds them, one click dismisses them for good. */
export function PeopleYouEmail({ people, onAdd, onDismiss }: PeopleYouEmailProps) {
  return (
    <div class="people-you-email" data-testid="people-you-email">
      <h3>{t('people_heading')}</h3>
      {people === undefined ? (
        <p class="muted">{t('deleted_reading')}</p>
      ) : people.length === 0 ? (
        <p class="muted" data-testid="people-you-email-empty">
          {t('people_empty')}
        </p>
      ) : (
        <ul>
          {people.map((person) => (
            <li key={person.email} data-testid="person-you-email" data-email={person.email}>
              <span>
                {person.name ? `${person.name} <${person.email}>` : person.email} ·{' '}
                {tCount('people_threads', person.threads)}
              </span>{' '}
              {KINDS.map(([kind, label]) => (
                <button
                  key={kind}
                  type="button"
                  data-testid={`person-add-${kind}`}
                  onClick={() => onAdd(person, kind)}
                >
                  {t(label)}
                </button>
              ))}{' '}
              <button
                type="button"
                data-testid="person-dismiss"
                aria-label={t('people_dismissLabel', person.email)}
                onClick={() => onDismiss(person)}
              >
                {t('people_dismiss')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
