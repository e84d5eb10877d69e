import { render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupSyncStatus } from './PopupSyncStatus';

function answering(status: unknown) {
  fakeBrowser.runtime.sendMessage = vi.fn(() => Promise.resolve({ ok: true, value: status }));
}

describe('PopupSyncStatus', () => {
  it('says nothing while sync is not set up', async () => {
    answering({ state: 'off', pending: 0 });
    const { container } = render(<PopupSyncStatus />);
    await vi.waitFor(() => expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalled(), {
      timeout: 10_000,
    });
    expect(container.textContent).toBe('');
  });

  it('shows the last error in words and the changes waiting, with the way to fix it', async () => {
    answering({
      state: 'error',
      pending: 3,
      error: { code: 'auth', message: 'The server refused the password.' },
      account: {
        server: 'https://dav.example.com/',
        user: 'a',
        remember: false,
        defaultKind: 'client',
      },
    });
    render(<PopupSyncStatus />);
    const line = await screen.findByTestId('sync-status');
    expect(line.dataset.state).toBe('error');
    expect(line.textContent).toBe('The server refused the password. · 3 changes waiting');
    expect(screen.getByTestId('popup-sync-settings').textContent).toBe('Sync settings');
  });
});
