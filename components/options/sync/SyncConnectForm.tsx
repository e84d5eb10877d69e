import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../lib/platform/i18n';
import type { SyncConnectRequest } from '../../sync-view';

export type ConnectValues = SyncConnectRequest;

export interface SyncConnectFormProps {
  /** What was typed before (the server and user of a forgotten account); never a password. */
  initial?: Partial<Omit<ConnectValues, 'password'>>;
  busy: boolean;
  /** Why the last attempt failed, in plain words; focus moves to it when it changes. */
  problem: string | null;
  /**
   * Called synchronously from the submit event: the browser shows its permission
   * prompt only during that user gesture, so the caller asks for the origin first.
   */
  onConnect: (values: ConnectValues) => void;
}

/**
 * Server, user and app password, then Connect: discovery and a test of the
 * credentials in one step. Nothing is saved until an address book is chosen.
 */
export function SyncConnectForm({ initial, busy, problem, onConnect }: SyncConnectFormProps) {
  const [server, setServer] = useState(initial?.server ?? '');
  const [user, setUser] = useState(initial?.user ?? '');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(initial?.remember ?? false);
  const [missing, setMissing] = useState<string | null>(null);
  const error = useRef<HTMLParagraphElement>(null);
  const shown = missing ?? problem;

  // A keyboard or screen-reader user lands on what went wrong instead of hunting for it.
  useEffect(() => {
    if (shown) error.current?.focus();
  }, [shown, problem]);

  return (
    <form
      class="sync-form"
      noValidate
      aria-busy={busy}
      data-testid="sync-connect-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (busy) return;
        const blank = !server.trim()
          ? t('sync_missing_server')
          : !user.trim()
            ? t('sync_missing_user')
            : !password
              ? t('sync_missing_password')
              : null;
        setMissing(blank);
        if (!blank) onConnect({ server: server.trim(), user: user.trim(), password, remember });
      }}
    >
      <div class="field">
        <label for="sync-server">{t('sync_server_label')}</label>
        <input
          id="sync-server"
          data-testid="sync-server"
          // Text, not type="url": people type "dav.example.com", which the browser's own
          // URL check would block before our clearer message could say anything.
          type="text"
          inputMode="url"
          autoComplete="url"
          placeholder="https://dav.example.com/"
          value={server}
          aria-describedby="sync-server-hint"
          onInput={(event) => setServer(event.currentTarget.value)}
        />
        <p id="sync-server-hint" class="muted">
          {t('sync_server_hint')}
        </p>
      </div>
      <div class="field">
        <label for="sync-user">{t('sync_user_label')}</label>
        <input
          id="sync-user"
          data-testid="sync-user"
          type="text"
          autoComplete="username"
          value={user}
          onInput={(event) => setUser(event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="sync-password">{t('sync_password_label')}</label>
        <input
          id="sync-password"
          data-testid="sync-password"
          type="password"
          autoComplete="current-password"
          value={password}
          aria-describedby="sync-password-hint"
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
        <p id="sync-password-hint" class="muted">
          {t('sync_password_hint')}
        </p>
      </div>
      <label class="check">
        <input
          type="checkbox"
          data-testid="sync-remember"
          checked={remember}
          onChange={(event) => setRemember(event.currentTarget.checked)}
        />{' '}
        {t('sync_remember_label')}
      </label>
      {shown && (
        <p ref={error} class="field-error" role="alert" tabIndex={-1} data-testid="sync-problem">
          {shown}
        </p>
      )}
      <button type="submit" class="primary" data-testid="sync-connect" disabled={busy}>
        {busy ? t('sync_connecting') : t('sync_connect')}
      </button>
    </form>
  );
}
