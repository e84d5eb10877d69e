import type { KindChange } from '../lib/domain/relationship';
import { KIND_LABELS } from '../lib/ui/format';

export interface KindHistoryProps {
  history: readonly KindChange[];
}

/** How the relationship came to be what it is: each change with its date, newest first. */
export function KindHistory({ history }: KindHistoryProps) {
  const changes = [...history].reverse();
  return (
    <section class="panel-section" aria-labelledby="kind-history-title">
      <h3 id="kind-history-title">Relationship history</h3>
      <ol class="kind-history" data-testid="kind-history">
        {changes.map((change) => (
          <li key={`${change.at}-${change.kind}`} data-kind={change.kind}>
            <time dateTime={new Date(change.at).toISOString()}>
              {new Date(change.at).toLocaleDateString()}
            </time>{' '}
            {change.from
              ? `${KIND_LABELS[change.from]} → ${KIND_LABELS[change.kind]}`
              : `Added as ${KIND_LABELS[change.kind].toLowerCase()}`}
            {change.reason && <span class="muted"> · {change.reason}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
