/**
 * The `storage.session` entry that carries the sync status to open pages. No
 * imports: pages watch it with `watchSession` and read it on open (or ask
 * 'sync/status'); the worker writes it whenever the status changes.
 */
export const SYNC_STATUS_KEY = 'syncStatus';
