import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { BACKUP_STORES } from '../../lib/transfer/backup-format';
import { checkPersistence, readLastBackup, recordBackup } from '../../lib/platform/storage-care';
import type { Transport } from '../../lib/transfer/transfer-client';
import { DataSection } from './DataSection';
import { StorageCareNotice } from './StorageCareNotice';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 5, 9);

const someRecords = () => Promise.resolve(true);
const manager = (persisted: boolean, grants = persisted) => ({
  persisted: vi.fn(() => Promise.resolve(persisted)),
  persist: vi.fn(() => Promise.resolve(grants)),
});

describe('StorageCareNotice', () => {
  it('asks for persistence on opening and, refused, suggests a backup', async () => {
    const persistence = manager(false, false);
    render(
      <StorageCareNotice persistence={persistence} bookHasRecords={someRecords} now={() => T0} />,
    );
    const nudge = await screen.findByTestId('storage-nudge');
    expect(persistence.persist).toHaveBeenCalledTimes(1);
    expect(nudge.dataset.reason).toBe('not-persisted');
    expect(nudge.textContent).toContain('may clear them');
    expect(screen.getByTestId('storage-nudge-backup').getAttribute('href')).toBe('#data');

    // A backup quiets it, even though the browser still promises nothing.
    await recordBackup(T0);
    await waitFor(() => expect(screen.queryByTestId('storage-nudge')).toBeNull());
  });

  it('never nags about an empty book', async () => {
    const persistence = manager(false, false);
    const bookHasRecords = vi.fn(() => Promise.resolve(false));
    render(
      <StorageCareNotice
        persistence={persistence}
        bookHasRecords={bookHasRecords}
        now={() => T0}
      />,
    );
    await waitFor(() => expect(persistence.persist).toHaveBeenCalled());
    await waitFor(() => expect(bookHasRecords).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByTestId('storage-nudge')).toBeNull();
  });

  it('stays out of the way when storage is kept and a backup is recent', async () => {
    const persistence = manager(true);
    await recordBackup(T0 - 3 * DAY);
    render(
      <StorageCareNotice persistence={persistence} bookHasRecords={someRecords} now={() => T0} />,
    );
    await waitFor(() => expect(persistence.persisted).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByTestId('storage-nudge')).toBeNull();
  });

  it('counts the days since the last backup, and goes away once a backup is made', async () => {
    await recordBackup(T0 - 45 * DAY);
    render(
      <StorageCareNotice persistence={manager(true)} bookHasRecords={someRecords} now={() => T0} />,
    );
    const nudge = await screen.findByTestId('storage-nudge');
    expect(nudge.dataset.reason).toBe('old-backup');
    expect(nudge.textContent).toContain('Your last backup was 45 days ago.');

    await recordBackup(T0);
    await waitFor(() => expect(screen.queryByTestId('storage-nudge')).toBeNull());
  });

  it('"Not now" hides it for this visit', async () => {
    render(
      <StorageCareNotice
        persistence={manager(false)}
        bookHasRecords={someRecords}
        now={() => T0}
      />,
    );
    await screen.findByTestId('storage-nudge');
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByTestId('storage-nudge')).toBeNull();
  });

  it('a backup made in "Your data" is noted, and the nudge goes away on the same page', async () => {
    const emptyBook = ((name: string) =>
      Promise.resolve({
        ok: true,
        value:
          name === 'transfer/counts'
            ? Object.fromEntries(BACKUP_STORES.map((store) => [store, 0]))
            : { records: [] },
      })) as Transport;
    const save = vi.fn();
    // Clientele first looked 40 days ago; no backup since.
    await checkPersistence(manager(true), T0);
    render(
      <>
        <StorageCareNotice
          persistence={manager(true)}
          bookHasRecords={someRecords}
          now={() => T0 + 40 * DAY}
        />
        <DataSection transport={emptyBook} save={save} now={() => new Date(T0 + 40 * DAY)} />
      </>,
    );
    expect((await screen.findByTestId('storage-nudge')).dataset.reason).toBe('no-backup');

    fireEvent.click(screen.getByTestId('backup-export'));
    await waitFor(() => expect(save).toHaveBeenCalled());
    await waitFor(() => expect(screen.queryByTestId('storage-nudge')).toBeNull());
    expect(await readLastBackup()).toBe(T0 + 40 * DAY);
  });
});
