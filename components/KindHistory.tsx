import type { KindChange } from '../lib/domain/relationship';
import { formatDate, t } from '../lib/platform/i18n';
import { KIND_LABELS } from '../lib/ui/format';

export interface KindHistoryProps {
  history: readonly KindChange[];
}

const ADDED_AS = {
  client: 'history_addedClient',
  customer: 'history_addedCustomer',
  prospect: 'history_addedProspect',
  former: 'history_addedFormer',
} as const;

/** How the relationship came to be what it is: each change with its date, newest first. */
export function KindHistory({ history }: KindHistoryProps) {
  const changes = [...history].reverse();
  return (
    <section class="panel-section" aria-labelledby="kind-history-title">
      <h3 id="kind-history-title">{t('history_heading')}</h3>
      <ol class="kind-history" data-testid="kind-history">
        {changes.map((change) => (
          <li key={`${change.at}-${change.kind}`} data-kind={change.kind}>
            <time dateTime={new Date(change.at).toISOString()}>{formatDate(change.at)}</time>{' '}
            {change.from
              ? `${KIND_LABELS[change.from]} → ${KIND_LABELS[change.kind]}`
              : t(ADDED_AS[change.kind])}
            {change.reason && <span class="muted"> · {change.reason}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
