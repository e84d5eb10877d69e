import { t, tCount } from '../lib/platform/i18n';
import { relativeTime } from '../lib/ui/format';
import type { SyncStatusView } from './sync-view';
import './sync-status.css';

export interface SyncStatusLineProps {
  status: SyncStatusView;
  /** The clock, injected so that "synced 3 minutes ago" can be tested. */
  now: number;
  locale?: string;
}

/**
 * One line that says where sync stands: syncing, synced (and when), changes
 * waiting, or the last error in plain words. `data-state` carries the state for
 * styles and tests; the words are what people read. A polite live region, so a
 * screen reader hears "Synced" without having to look for it.
 */
export function SyncStatusLine({ status, now, locale }: SyncStatusLineProps) {
  const when =
    status.lastSyncedAt !== undefined ? relativeTime(status.lastSyncedAt, now, locale) : undefined;
  const parts: string[] = [];
  switch (status.state) {
    case 'off':
      parts.push(t('sync_status_off'));
      break;
    case 'syncing':
      parts.push(t('sync_status_syncing'));
      break;
    case 'synced':
      parts.push(when ? t('sync_status_synced_at', when) : t('sync_status_synced'));
      break;
    case 'pending':
      if (when) parts.push(t('sync_status_last', when));
      break;
    case 'error':
      parts.push(status.error?.message ?? t('sync_status_failed'));
      if (when) parts.push(t('sync_status_last', when));
      break;
  }
  if (status.state !== 'off' && status.state !== 'synced' && status.pending > 0)
    parts.push(tCount('sync_status_waiting', status.pending));
  if (status.state === 'pending' && status.pending === 0) parts.push(t('sync_status_due'));
  return (
    <p
      class={`sync-status sync-${status.state}`}
      data-testid="sync-status"
      data-state={status.state}
      data-pending={status.pending}
      role="status"
    >
      {parts.join(' · ')}
    </p>
  );
}
