import { describe, expect, it, vi } from 'vitest';
import {
  BACKUP_NUDGE_DAYS,
  checkPersistence,
  readLastBackup,
  recordBackup,
  storageNudge,
  watchLastBackup,
} from './storage-care';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 5, 9);

function storageManager(initially: boolean, grants: boolean) {
  let persisted = initially;
  return {
    persisted: vi.fn(() => Promise.resolve(persisted)),
    persist: vi.fn(() => {
      persisted = grants;
      return Promise.resolve(grants);
    }),
  };
}

describe('checkPersistence', () => {
  it('asks once when storage is not persisted, records the answer, and never asks again', async () => {
    const api = storageManager(false, false);
    expect(await checkPersistence(api, T0)).toEqual({
      firstCheckedAt: T0,
      askedAt: T0,
      persisted: false,
    });
    expect(api.persist).toHaveBeenCalledTimes(1);

    expect(await checkPersistence(api, T0 + DAY)).toEqual({
      firstCheckedAt: T0,
      askedAt: T0,
      persisted: false,
    });
    expect(api.persist).toHaveBeenCalledTimes(1);
  });

  it('records a granted request', async () => {
    const api = storageManager(false, true);
    expect(await checkPersistence(api, T0)).toMatchObject({ persisted: true, askedAt: T0 });
  });

  it('does not ask when the browser already persists it (an extension with unlimitedStorage)', async () => {
    const api = storageManager(true, true);
    expect(await checkPersistence(api, T0)).toEqual({ firstCheckedAt: T0, persisted: true });
    expect(api.persist).not.toHaveBeenCalled();
  });

  it('follows a later change of the browser’s mind without asking again', async () => {
    const api = storageManager(false, false);
    await checkPersistence(api, T0);
    api.persisted.mockResolvedValue(true);
    expect(await checkPersistence(api, T0 + DAY)).toMatchObject({ persisted: true, askedAt: T0 });
    expect(api.persist).toHaveBeenCalledTimes(1);
  });

  it('leaves the answer unknown when the API is missing or throws', async () => {
    expect(await checkPersistence(undefined, T0)).toEqual({ firstCheckedAt: T0 });
    const failing = { persisted: () => Promise.reject(new Error('not allowed')) };
    expect(await checkPersistence(failing, T0 + DAY)).toEqual({ firstCheckedAt: T0 });
  });
});

describe('backups', () => {
  it('records the last backup and tells watchers', async () => {
    const seen: (number | undefined)[] = [];
    const unwatch = watchLastBackup((at) => seen.push(at));
    expect(await readLastBackup()).toBeUndefined();
    await recordBackup(T0);
    expect(await readLastBackup()).toBe(T0);
    await vi.waitFor(() => expect(seen).toEqual([T0]), { timeout: 10_000 });
    unwatch();
  });
});

describe('storageNudge', () => {
  const since = { firstCheckedAt: T0 };
  const kept = { ...since, persisted: true };
  const mayBeCleared = { ...since, persisted: false };

  it('asks for a backup at once when the browser may clear the storage', () => {
    expect(storageNudge(mayBeCleared, undefined, T0)).toEqual({ reason: 'not-persisted' });
    expect(storageNudge(mayBeCleared, T0, T0 + BACKUP_NUDGE_DAYS * DAY)).toEqual({
      reason: 'not-persisted',
    });
  });

  it('is quiet for 30 days after a backup, whatever the browser promised', () => {
    const recent = T0 + (BACKUP_NUDGE_DAYS * DAY - 1);
    expect(storageNudge(mayBeCleared, T0, recent)).toBeNull();
    expect(storageNudge(kept, T0, recent)).toBeNull();
    expect(storageNudge(since, T0, recent)).toBeNull();
  });

  it('suggests a fresh backup after 30 days, counting the days', () => {
    expect(storageNudge(kept, T0, T0 + 42 * DAY + 5)).toEqual({ reason: 'old-backup', days: 42 });
    expect(storageNudge(since, T0, T0 + BACKUP_NUDGE_DAYS * DAY)).toEqual({
      reason: 'old-backup',
      days: BACKUP_NUDGE_DAYS,
    });
  });

  it('with kept storage and no backup ever, waits 30 days from the first look', () => {
    expect(storageNudge(kept, undefined, T0 + 29 * DAY)).toBeNull();
    expect(storageNudge(kept, undefined, T0 + 30 * DAY)).toEqual({ reason: 'no-backup' });
  });
});
