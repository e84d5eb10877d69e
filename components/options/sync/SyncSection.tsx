import { t } from '../../../lib/platform/i18n';
import type { SyncCollectionView, SyncStatusView } from '../../sync-view';
import { SyncAccount } from './SyncAccount';
import { SyncChooseForm, type SyncChoice } from './SyncChooseForm';
import { SyncConnectForm, type ConnectValues } from './SyncConnectForm';
import './sync.css';

export interface SyncSectionProps {
  /** Undefined while the background is asked. */
  status: SyncStatusView | undefined;
  loadError: string | null;
  /** What a good connection found; set between Connect and the choice of collections. */
  found: { addressbooks: SyncCollectionView[]; calendars: SyncCollectionView[] } | null;
  busy: boolean;
  problem: string | null;
  now: number;
  locale?: string;
  onConnect: (values: ConnectValues) => void;
  onChoose: (choice: SyncChoice) => void;
  onBack: () => void;
  onSyncNow: () => void;
  onDisconnect: (forget: boolean) => void;
}

/**
 * The options page's `sync` section: the user's own CardDAV/CalDAV server. Three
 * steps, one at a time — the server and credentials; then the address book and
 * calendar; then, once configured, the status with "Sync now" and Disconnect.
 */
export function SyncSection(props: SyncSectionProps) {
  const { status, loadError, found, busy, problem, now, locale } = props;
  const account = status?.account;
  return (
    <section id="sync" class="options-section" aria-labelledby="sync-heading" data-testid="sync">
      <h2 id="sync-heading">{t('sync_heading')}</h2>
      <p class="muted">{t('sync_intro')}</p>
      {loadError && (
        <p class="field-error" role="alert">
          {loadError}
        </p>
      )}
      {!status && !loadError && <p class="muted">{t('sync_reading')}</p>}
      {status && account && status.state !== 'off' ? (
        <>
          {problem && (
            <p class="field-error" role="alert" data-testid="sync-problem">
              {problem}
            </p>
          )}
          <SyncAccount
            status={{ ...status, account }}
            now={now}
            {...(locale ? { locale } : {})}
            busy={busy}
            onSyncNow={props.onSyncNow}
            onDisconnect={props.onDisconnect}
          />
        </>
      ) : status && found ? (
        <SyncChooseForm
          addressbooks={found.addressbooks}
          calendars={found.calendars}
          busy={busy}
          problem={problem}
          onChoose={props.onChoose}
          onBack={props.onBack}
        />
      ) : (
        status && (
          <>
            <p class="empty" data-testid="sync-off">
              {t('sync_off_explain')}
            </p>
            <SyncConnectForm
              {...(account ? { initial: account } : {})}
              busy={busy}
              problem={problem}
              onConnect={props.onConnect}
            />
          </>
        )
      )}
    </section>
  );
}
