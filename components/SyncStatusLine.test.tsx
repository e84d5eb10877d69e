import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SyncStatusLine } from './SyncStatusLine';
import type { SyncStatusView } from './sync-view';

const NOW = Date.UTC(2026, 11, 7, 12);
const line = (status: SyncStatusView) => {
  render(<SyncStatusLine status={status} now={NOW} locale="en" />);
  return screen.getByTestId('sync-status');
};

describe('SyncStatusLine', () => {
  it.each<[SyncStatusView, string]>([
    [{ state: 'off', pending: 0 }, 'Sync is off.'],
    [{ state: 'syncing', pending: 0 }, 'Syncing…'],
    [{ state: 'syncing', pending: 3 }, 'Syncing… · 3 changes waiting'],
    [{ state: 'synced', pending: 0, lastSyncedAt: NOW - 3 * 60_000 }, 'Synced 3 minutes ago.'],
    [{ state: 'synced', pending: 0 }, 'Synced.'],
    [
      { state: 'pending', pending: 1, lastSyncedAt: NOW - 2 * 3_600_000 },
      'Last synced 2 hours ago. · 1 change waiting',
    ],
    [
      {
        state: 'error',
        pending: 4,
        lastSyncedAt: NOW - 86_400_000,
        error: { code: 'auth', message: 'The server refused the password.' },
      },
      'The server refused the password. · Last synced yesterday. · 4 changes waiting',
    ],
  ])('says %j in words', (status, words) => {
    const element = line(status);
    expect(element.textContent).toBe(words);
    expect(element.dataset.state).toBe(status.state);
    expect(element.getAttribute('role')).toBe('status');
  });

  it('shows a hostile error message as text, never as markup', () => {
    const element = line({
      state: 'error',
      pending: 0,
      error: { code: 'server', message: '<img src=x onerror=alert(1)>' },
    });
    expect(element.querySelector('img')).toBeNull();
    expect(element.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
