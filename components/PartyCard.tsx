import { RELATIONSHIP_KINDS, type RelationshipKind } from '../lib/domain/relationship';
import type { PartyView } from '../lib/protocol/contact-schemas';
import { KIND_LABELS, relativeTime, HEALTH_LABELS } from '../lib/ui/format';
import { HealthDot, KindBadge } from './KindBadge';

export interface PartyCardProps {
  view: PartyView;
  now: number;
  busy: boolean;
  onChangeKind: (kind: RelationshipKind) => void;
}

/** A record at a glance: who, what relationship, how warm, how to reach them. */
export function PartyCard({ view, now, busy, onChangeKind }: PartyCardProps) {
  const { party, health } = view;
  return (
    <section
      class="party-card"
      data-testid="party-card"
      data-party-id={party.id}
      aria-label={party.name}
    >
      <header>
        <h2 data-testid="party-name">{party.name}</h2>
        <KindBadge kind={party.kind} />
        <HealthDot health={health} />
      </header>
      {(party.title || party.organizationName) && (
        <p class="muted">{[party.title, party.organizationName].filter(Boolean).join(' · ')}</p>
      )}
      <ul class="details">
        {party.emails.map((email) => (
          <li key={email}>{email}</li>
        ))}
        {party.phones.map((phone) => (
          <li key={phone}>{phone}</li>
        ))}
      </ul>
      <p data-testid="last-interaction">
        {party.lastInteractionAt !== undefined
          ? `Last contact ${relativeTime(party.lastInteractionAt, now)}`
          : 'No contact logged yet'}
        {party.nextCheckInAt !== undefined && health !== 'none' && (
          <span class={`muted health-text-${health}`}>
            {' '}
            · {HEALTH_LABELS[health]}: next check-in {relativeTime(party.nextCheckInAt, now)}
          </span>
        )}
      </p>
      <label class="inline">
        Relationship
        <select
          value={party.kind}
          disabled={busy}
          data-testid="change-kind"
          onChange={(e) => onChangeKind(e.currentTarget.value as RelationshipKind)}
        >
          {RELATIONSHIP_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
