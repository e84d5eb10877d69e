import type { Health, RelationshipKind } from '../lib/domain';
import { HEALTH_LABELS, KIND_LABELS } from '../lib/ui/format';

export function KindBadge({ kind }: { kind: RelationshipKind }) {
  return (
    <span class={`badge kind-${kind}`} data-testid="kind-badge" data-kind={kind}>
      {KIND_LABELS[kind]}
    </span>
  );
}

export function HealthDot({ health }: { health: Health }) {
  if (health === 'none') return null;
  return (
    <span
      class={`health health-${health}`}
      role="img"
      aria-label={HEALTH_LABELS[health]}
      title={HEALTH_LABELS[health]}
      data-health={health}
    />
  );
}
