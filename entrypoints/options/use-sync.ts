import { useState } from 'preact/hooks';
import { useSyncStatus } from '../../containers/use-sync-status';
import type { SyncChoice } from '../../components/options/sync/SyncChooseForm';
import type { ConnectValues } from '../../components/options/sync/SyncConnectForm';
import type { SyncCollectionView } from '../../components/sync-view';
import { t } from '../../lib/platform/i18n';
import { sendMessage } from '../../lib/platform/messaging';
import { requestSiteAccess } from '../../lib/platform/site-access';
import { readServerAddress } from '../../lib/sync/server-address';
import { say } from '../../lib/ui/ui-text';

type Found = { addressbooks: SyncCollectionView[]; calendars: SyncCollectionView[] };

/**
 * The options page's sync section: the status, and the steps from the server's
 * address to a running sync. Every answer in words comes from the background
 * (wrong password, not a DAV server, certificate, permission, offline, plain http);
 * the page itself only refuses what is not an address at all.
 */
export function useSync() {
  const { status, loadError, now, show } = useSyncStatus();
  const [found, setFound] = useState<Found | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await step();
    } finally {
      setBusy(false);
    }
  };

  /**
   * Called from the form's submit event. The permission prompt needs that user
   * gesture, so the browser is asked before anything is awaited, for exactly the
   * server's origin. A refusal is not decided here: the background checks the grant
   * and answers 'permission' in its words, like every other problem.
   */
  const connect = (values: ConnectValues) => {
    const address = readServerAddress(values.server);
    if (!address.ok && address.problem === 'invalid') {
      setProblem(t('sync_problem_address'));
      return;
    }
    const granted = address.ok
      ? requestSiteAccess(address.pattern).catch(() => false)
      : Promise.resolve(false); // plain http off this machine: the background refuses it
    void run(async () => {
      await granted;
      const server = address.ok ? address.url : values.server.trim();
      const reply = await sendMessage('sync/connect', { ...values, server });
      if (!reply.ok) setProblem(say(reply.error.message));
      else if (!reply.value.ok) setProblem(reply.value.message);
      else setFound({ addressbooks: reply.value.addressbooks, calendars: reply.value.calendars });
    });
  };

  const choose = (choice: SyncChoice) =>
    void run(async () => {
      const reply = await sendMessage('sync/choose', choice);
      if (!reply.ok) return setProblem(say(reply.error.message));
      show(reply.value);
      if (reply.value.account && reply.value.state !== 'off') setFound(null);
      else setProblem(reply.value.error?.message ?? t('sync_status_failed'));
    });

  const syncNow = () =>
    void run(async () => {
      const reply = await sendMessage('sync/now', {});
      if (reply.ok) show(reply.value);
      else setProblem(say(reply.error.message));
    });

  const disconnect = (forget: boolean) =>
    void run(async () => {
      const reply = await sendMessage('sync/disconnect', { forget });
      if (reply.ok) show(reply.value);
      else setProblem(say(reply.error.message));
    });

  return {
    status,
    loadError,
    now,
    found,
    busy,
    problem,
    connect,
    choose,
    back: () => {
      setFound(null);
      setProblem(null);
    },
    syncNow,
    disconnect,
  };
}
