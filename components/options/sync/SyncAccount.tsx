import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../lib/platform/i18n';
import { KIND_LABELS } from '../../../lib/ui/format';
import { SyncStatusLine } from '../../SyncStatusLine';
import type { SyncStatusView } from '../../sync-view';
import { useEscape } from '../../use-escape';

export interface SyncAccountProps {
  status: SyncStatusView & { account: NonNullable<SyncStatusView['account']> };
  now: number;
  locale?: string;
  /** A 'sync/now' or 'sync/disconnect' is on its way. */
  busy: boolean;
  onSyncNow: () => void;
  onDisconnect: (forget: boolean) => void;
}

/**
 * A configured account: where the book syncs to, how it stands, "Sync now", and
 * Disconnect. Disconnecting keeps every record on this device; "forget" also drops
 * the password and what was last synced, so reconnecting starts afresh (the book
 * is sent again and merged, nothing lost). It asks first, and Escape backs out.
 */
export function SyncAccount({
  status,
  now,
  locale,
  busy,
  onSyncNow,
  onDisconnect,
}: SyncAccountProps) {
  const { account } = status;
  const [confirming, setConfirming] = useState(false);
  const [forget, setForget] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirm.current?.focus();
  }, [confirming]);
  const cancel = () => {
    setConfirming(false);
    opener.current?.focus();
  };
  useEscape(cancel, confirming);

  return (
    <div class="sync-account" data-testid="sync-account">
      <SyncStatusLine status={status} now={now} {...(locale ? { locale } : {})} />
      <dl class="sync-facts">
        <dt>{t('sync_server_label')}</dt>
        <dd data-testid="sync-account-server">{account.server}</dd>
        <dt>{t('sync_user_label')}</dt>
        <dd>{account.user}</dd>
        <dt>{t('sync_addressbook_label')}</dt>
        <dd data-testid="sync-account-addressbook">{account.addressbook?.name ?? '—'}</dd>
        <dt>{t('sync_calendar_label')}</dt>
        <dd>{account.calendar?.name ?? '—'}</dd>
        <dt>{t('sync_default_kind_label')}</dt>
        <dd>{KIND_LABELS[account.defaultKind]}</dd>
        <dt>{t('sync_password_label')}</dt>
        <dd>{account.remember ? t('sync_remembered') : t('sync_not_remembered')}</dd>
      </dl>
      <div class="sync-buttons">
        <button
          type="button"
          class="primary"
          data-testid="sync-now"
          disabled={busy || status.state === 'syncing'}
          onClick={onSyncNow}
        >
          {t('sync_now')}
        </button>
        <button
          type="button"
          ref={opener}
          data-testid="sync-disconnect"
          aria-expanded={confirming}
          disabled={busy}
          onClick={() => setConfirming(true)}
        >
          {t('sync_disconnect')}
        </button>
      </div>
      {confirming && (
        <div class="sync-confirm" role="group" aria-labelledby="sync-confirm-text">
          <p id="sync-confirm-text">{t('sync_disconnect_explain')}</p>
          <label class="check">
            <input
              type="checkbox"
              data-testid="sync-forget"
              checked={forget}
              onChange={(event) => setForget(event.currentTarget.checked)}
            />{' '}
            {t('sync_forget_label')}
          </label>
          <div class="sync-buttons">
            <button
              type="button"
              class="danger"
              ref={confirm}
              data-testid="sync-disconnect-confirm"
              onClick={() => {
                setConfirming(false);
                onDisconnect(forget);
              }}
            >
              {t('sync_disconnect_confirm')}
            </button>
            <button type="button" data-testid="sync-disconnect-cancel" onClick={cancel}>
              {t('sync_cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
