import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SyncSection } from '../../components/options/sync/SyncSection';
import { SYNC_STATUS_KEY } from '../../lib/platform/sync-keys';
import { useSync } from './use-sync';

/** The section as the options page mounts it. */
function Harness() {
  const sync = useSync();
  return (
    <SyncSection
      status={sync.status}
      loadError={sync.loadError}
      found={sync.found}
      busy={sync.busy}
      problem={sync.problem}
      now={sync.now}
      onConnect={sync.connect}
      onChoose={sync.choose}
      onBack={sync.back}
      onSyncNow={sync.syncNow}
      onDisconnect={sync.disconnect}
    />
  );
}

type Sent = { name: string; request: Record<string, unknown> };
const OFF = { state: 'off', pending: 0 };
const ACCOUNT = {
  server: 'https://dav.example.com/',
  user: 'alice',
  remember: false,
  addressbook: { href: '/alice/contacts/', name: 'Contacts' },
  calendar: { href: '/alice/tasks/', name: 'Tasks' },
  defaultKind: 'prospect',
};

let order: string[];
let sent: Sent[];
let answers: Record<string, unknown>;

beforeEach(() => {
  order = [];
  sent = [];
  answers = { 'sync/status': OFF };
  fakeBrowser.permissions.request = vi.fn((permissions: { origins?: string[] }) => {
    order.push(`permission ${permissions.origins?.join()}`);
    return Promise.resolve(true);
  });
  fakeBrowser.runtime.sendMessage = vi.fn((message: Sent) => {
    order.push(message.name);
    sent.push(message);
    return Promise.resolve({ ok: true, value: answers[message.name] });
  }) as never;
});

function fillAndConnect(server: string) {
  fireEvent.input(screen.getByTestId('sync-server'), { target: { value: server } });
  fireEvent.input(screen.getByTestId('sync-user'), { target: { value: 'alice' } });
  fireEvent.input(screen.getByTestId('sync-password'), { target: { value: 'app pass' } });
  fireEvent.click(screen.getByTestId('sync-connect'));
}

describe('the options sync section with its background', () => {
  it('asks for exactly the server’s origin inside the click, then connects, then saves the choice', async () => {
    answers['sync/connect'] = {
      ok: true,
      addressbooks: [{ href: '/alice/contacts/', name: 'Contacts' }],
      calendars: [],
    };
    render(<Harness />);
    await screen.findByTestId('sync-connect-form');
    order.length = 0;
    fillAndConnect('dav.example.com/dav/');
    // Synchronously, before any await: the browser's prompt needs the user gesture.
    expect(order).toEqual(['permission https://dav.example.com/*']);
    await screen.findByTestId('sync-choose-form');
    expect(sent.find((m) => m.name === 'sync/connect')?.request).toEqual({
      server: 'https://dav.example.com/dav/',
      user: 'alice',
      password: 'app pass',
      remember: false,
    });

    answers['sync/choose'] = { state: 'syncing', pending: 0, account: ACCOUNT };
    fireEvent.click(screen.getByTestId('sync-choose'));
    await screen.findByTestId('sync-account');
    expect(sent.at(-1)).toMatchObject({
      name: 'sync/choose',
      request: {
        addressbook: { href: '/alice/contacts/' },
        calendar: { create: 'Clientele' },
        defaultKind: 'prospect',
      },
    });
    expect(screen.getByTestId('sync-status').dataset.state).toBe('syncing');
  });

  it('shows the background’s refusal in its words, with focus on it', async () => {
    answers['sync/connect'] = {
      ok: false,
      code: 'auth',
      message: 'The server refused this user name and password.',
    };
    render(<Harness />);
    await screen.findByTestId('sync-connect-form');
    fillAndConnect('https://dav.example.com/');
    const problem = await screen.findByTestId('sync-problem');
    expect(problem.textContent).toBe('The server refused this user name and password.');
    await waitFor(() => expect(document.activeElement).toBe(problem));
  });

  it('asks no permission for plain http off this machine; the background says why it refuses', async () => {
    answers['sync/connect'] = { ok: false, code: 'insecure', message: 'Plain http is refused.' };
    render(<Harness />);
    await screen.findByTestId('sync-connect-form');
    fillAndConnect('http://dav.example.com/');
    expect(await screen.findByText('Plain http is refused.')).toBeTruthy();
    expect(fakeBrowser.permissions.request).not.toHaveBeenCalled();
  });

  it('refuses what is not an address without asking anyone', async () => {
    render(<Harness />);
    await screen.findByTestId('sync-connect-form');
    const before = sent.length;
    fillAndConnect('ftp://dav.example.com/');
    expect(screen.getByTestId('sync-problem').textContent).toMatch(/not a server address/);
    expect(sent.length).toBe(before);
    expect(fakeBrowser.permissions.request).not.toHaveBeenCalled();
  });

  it('follows status changes the worker writes to session storage', async () => {
    answers['sync/status'] = { state: 'synced', pending: 0, account: ACCOUNT };
    render(<Harness />);
    await screen.findByTestId('sync-account');
    answers['sync/status'] = { state: 'pending', pending: 2, account: ACCOUNT };
    await fakeBrowser.storage.session.set({ [SYNC_STATUS_KEY]: { state: 'pending' } });
    await waitFor(() => expect(screen.getByTestId('sync-status').dataset.state).toBe('pending'));
    expect(screen.getByTestId('sync-status').textContent).toContain('2 changes waiting');
  });
});
