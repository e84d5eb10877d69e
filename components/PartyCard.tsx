import type { ValueLabel } from '../lib/domain/card-fields';
import type { RelationshipKind } from '../lib/domain/relationship';
import type { PartyView } from '../lib/protocol/contact-schemas';
import { KIND_LABELS, relativeTime, HEALTH_LABELS } from '../lib/ui/format';
import { t, tCount, uiLanguage } from '../lib/platform/i18n';
import { CardDetails } from './CardDetails';
import { typeWords } from './type-words';
import { HealthDot, KindBadge } from './KindBadge';

export interface PartyCardProps {
  view: PartyView;
  now: number;
  busy: boolean;
  onChangeKind: (kind: RelationshipKind) => void;
  /** Shows an "Edit" button (the side panel edits in place). */
  onEdit?: () => void;
  /** Shows the website, tags and check-in rhythm as well (room enough in the side panel). */
  detailed?: boolean;
}

/** A value's type or own label before it ("Work: "), when the record has one. */
function TypeWord({ labels, value }: { labels?: readonly ValueLabel[]; value: string }) {
  const found = labels?.find((label) => label.value === value);
  const words = found ? typeWords(found) : '';
  return words ? <span class="muted">{t('card_labelled', words, '')}</span> : null;
}

// From the labels, not lib/domain/relationship: that module brings zod into the surfaces' bundles.
const KINDS = Object.keys(KIND_LABELS) as RelationshipKind[];

/** A record at a glance: who, what relationship, how warm, how to reach them. */
export function PartyCard({ view, now, busy, onChangeKind, onEdit, detailed }: PartyCardProps) {
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
        {onEdit && (
          <button type="button" class="card-edit" onClick={onEdit} data-testid="edit-button">
            {t('card_edit')}
          </button>
        )}
      </header>
      {(party.title || party.organizationName) && (
        <p class="muted">{[party.title, party.organizationName].filter(Boolean).join(' · ')}</p>
      )}
      <ul class="details">
        {party.emails.map((email) => (
          <li key={email}>
            <TypeWord labels={party.emailLabels} value={email} />
            {email}
          </li>
        ))}
        {party.phones.map((phone, i) => (
          <li key={phone} data-testid="party-phone">
            <TypeWord labels={party.phoneLabels} value={phone} />
            {view.phoneLabels?.[i] ?? phone}
          </li>
        ))}
        {detailed && party.website && (
          <li data-testid="party-website">
            <TypeWord labels={party.websiteLabels} value={party.website} />
            {party.website}
          </li>
        )}
      </ul>
      {detailed && <CardDetails party={party} locale={uiLanguage()} />}
      {detailed && party.tags.length > 0 && (
        <ul class="tags" aria-label={t('card_tags')}>
          {party.tags.map((tag) => (
            <li key={tag} class="tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
      {detailed && party.checkInDays !== undefined && (
        <p class="muted" data-testid="check-in-days">
          {tCount('card_checkInEvery', party.checkInDays)}
        </p>
      )}
      <p data-testid="last-interaction">
        {party.lastInteractionAt !== undefined
          ? t('card_lastContact', relativeTime(party.lastInteractionAt, now))
          : t('card_noContact')}
        {party.nextCheckInAt !== undefined && health !== 'none' && (
          <span class={`muted health-text-${health}`}>
            {' '}
            · {t('card_nextCheckIn', HEALTH_LABELS[health], relativeTime(party.nextCheckInAt, now))}
          </span>
        )}
      </p>
      <label class="inline">
        {t('card_relationship')}
        <select
          value={party.kind}
          disabled={busy}
          data-testid="change-kind"
          onChange={(e) => onChangeKind(e.currentTarget.value as RelationshipKind)}
        >
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
