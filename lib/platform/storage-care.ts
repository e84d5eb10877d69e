import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { lazy } from '../domain/lazy';

/**
 * Keeping the book safe from the browser itself. Without persistent storage a
 * browser short of disk space may evict an extension's IndexedDB, and a backup is
 * the only other copy; so Clientele asks for persistence once, remembers the
 * answer and when the last backup was made, and the options page nudges gently
 * when either looks thin. (Chromium answers `persisted()` with false for an
 * extension even with `unlimitedStorage`, though it leaves such origins out of
 * eviction; a recent backup is what quiets the nudge there.)
 *
 * `persist()` exists only in windows (the spec exposes it to Window, not to
 * workers), so it is asked from the options page, never from the service worker.
 */

export const BACKUP_NUDGE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

const PersistenceSchema = lazy(() =>
  z.object({
    /** The first time this was checked: the clock for "no backup yet". */
    firstCheckedAt: z.number(),
    /** When `persist()` was asked, once; absent if it never had to be. */
    askedAt: z.number().optional(),
    /** The browser's latest answer; absent when it cannot say. */
    persisted: z.boolean().optional(),
  }),
);
export type Persistence = z.infer<typeof PersistenceSchema>;

const persistenceItem = storage.defineItem<unknown>('local:storagePersistence');
const lastBackupItem = storage.defineItem<unknown>('local:lastBackupAt');

/** The part of `navigator.storage` used here; either method may be missing. */
export interface PersistenceApi {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

async function readPersistence(): Promise<Persistence | undefined> {
  const parsed = PersistenceSchema.safeParse(await persistenceItem.getValue());
  return parsed.success ? parsed.data : undefined;
}

/**
 * Reads whether the browser keeps Clientele's storage, asking for it the first
 * time it is not kept (and never again, whatever the answer), and records the
 * result. An API that is missing or throws leaves `persisted` unknown.
 */
export async function checkPersistence(
  api: PersistenceApi | undefined,
  now: number,
): Promise<Persistence> {
  const known = await readPersistence();
  const record: Persistence = known ?? { firstCheckedAt: now };
  try {
    let persisted = await api?.persisted?.();
    if (persisted === false && record.askedAt === undefined && api?.persist) {
      record.askedAt = now;
      persisted = await api.persist();
    }
    if (persisted !== undefined) record.persisted = persisted;
  } catch {
    // The browser would not say; the backup nudge still applies.
  }
  await persistenceItem.setValue(record);
  return record;
}

/**
 * Called once a backup file has been handed to the user. Never rejects: the backup
 * itself succeeded, and a note that failed to save only brings the nudge early.
 */
export async function recordBackup(at: number): Promise<void> {
  try {
    await lastBackupItem.setValue(at);
  } catch (error) {
    console.warn('Clientele: could not note the backup time', error);
  }
}

export async function readLastBackup(): Promise<number | undefined> {
  const parsed = z.number().safeParse(await lastBackupItem.getValue());
  return parsed.success ? parsed.data : undefined;
}

/** Calls back when a backup is recorded, from this page or another. */
export function watchLastBackup(callback: (at: number | undefined) => void): () => void {
  return lastBackupItem.watch((value) => {
    const parsed = z.number().safeParse(value);
    callback(parsed.success ? parsed.data : undefined);
  });
}

export type StorageNudge =
  { reason: 'not-persisted' } | { reason: 'no-backup' } | { reason: 'old-backup'; days: number };

/**
 * What, if anything, to suggest. A backup in the last 30 days settles it. Without
 * one: storage the browser may clear calls for a backup at once; kept storage
 * allows 30 days from Clientele's first look before the first nudge, and then one
 * 30 days after each backup.
 */
export function storageNudge(
  persistence: Pick<Persistence, 'persisted' | 'firstCheckedAt'>,
  lastBackupAt: number | undefined,
  now: number,
): StorageNudge | null {
  const threshold = BACKUP_NUDGE_DAYS * DAY_MS;
  if (lastBackupAt !== undefined && now - lastBackupAt < threshold) return null;
  if (persistence.persisted === false) return { reason: 'not-persisted' };
  if (lastBackupAt === undefined)
    return now - persistence.firstCheckedAt >= threshold ? { reason: 'no-backup' } : null;
  return { reason: 'old-backup', days: Math.floor((now - lastBackupAt) / DAY_MS) };
}
