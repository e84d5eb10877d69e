import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { SyncAccount, type SyncAccountProps } from './SyncAccount';

const NOW = Date.UTC(2026, 11, 7, 12);
const STATUS: SyncAccountProps['status'] = {
  state: 'synced',
  pending: 0,
  lastSyncedAt: NOW - 60_000,
  account: {
    server: 'https://dav.example.com/',
    user: 'alice',
    remember: false,
    addressbook: { href: '/alice/contacts/', name: 'Contacts' },
    calendar: { href: '/alice/tasks/', name: 'Tasks' },
    defaultKind: 'prospect',
  },
};

function setup(status = STATUS, busy = false) {
  const onSyncNow = vi.fn();
  const onDisconnect = vi.fn();
  render(
    <SyncAccount
      status={status}
      now={NOW}
      locale="en"
      busy={busy}
      onSyncNow={onSyncNow}
      onDisconnect={onDisconnect}
    />,
  );
  return { onSyncNow, onDisconnect };
}

describe('SyncAccount', () => {
  it('says where the book syncs and how it stands, and syncs on demand', () => {
    const { onSyncNow } = setup();
    expect(screen.getByTestId('sync-status').textContent).toBe('Synced 1 minute ago.');
    expect(screen.getByTestId('sync-account-server').textContent).toBe('https://dav.example.com/');
    expect(screen.getByTestId('sync-account-addressbook').textContent).toBe('Contacts');
    expect(screen.getByText('Kept until the browser restarts')).toBeTruthy();
    fireEvent.click(screen.getByTestId('sync-now'));
    expect(onSyncNow).toHaveBeenCalledOnce();
  });

  it('cannot start a second round while one runs', () => {
    setup({ ...STATUS, state: 'syncing' });
    expect(screen.getByTestId<HTMLButtonElement>('sync-now').disabled).toBe(true);
  });

  it('asks before disconnecting, with forget as a choice, and focus on the confirmation', () => {
    const { onDisconnect } = setup();
    fireEvent.click(screen.getByTestId('sync-disconnect'));
    expect(document.activeElement).toBe(screen.getByTestId('sync-disconnect-confirm'));
    expect(onDisconnect).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('sync-forget'));
    fireEvent.click(screen.getByTestId('sync-disconnect-confirm'));
    expect(onDisconnect).toHaveBeenCalledExactlyOnceWith(true);
  });

  it('backs out of disconnecting with Escape, focus back on the button', () => {
    const { onDisconnect } = setup();
    fireEvent.click(screen.getByTestId('sync-disconnect'));
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByTestId('sync-disconnect-confirm')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('sync-disconnect'));
    expect(onDisconnect).not.toHaveBeenCalled();
  });
});
