import { err, ok, type Result } from '../domain/result';
import { problemError, type ImportProblem } from './problems';
import { uiText } from '../domain/ui-text';

/** The stores a backup carries; the search projection is rebuilt on restore, never saved. */
export const BACKUP_STORES = [
  'parties',
  'interactions',
  'followUps',
  'services',
  'engagements',
  'purchases',
] as const;
export type BackupStore = (typeof BACKUP_STORES)[number];

/**
 * What a backup carries beside the book: the "Recently deleted" list (undo entries
 * within their window) and the tombstones the sync needs, so a restore brings back
 * the same undo list. Backups written before they existed lack them and restore
 * with none; they never decide whether a book is empty.
 */
export const RECENTLY_DELETED_STORES = ['undoEntries', 'tombstones'] as const;
export type RecentlyDeletedStore = (typeof RECENTLY_DELETED_STORES)[number];

/** Every store a backup may hold, in the order it is written and restored. */
export const TRANSFER_STORES = [...BACKUP_STORES, ...RECENTLY_DELETED_STORES] as const;
export type TransferStore = (typeof TRANSFER_STORES)[number];

export const BACKUP_FORMAT = 'clientele-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  schemaVersion: number;
}

export type BackupStores = Record<BackupStore, unknown[]> &
  Partial<Record<RecentlyDeletedStore, unknown[]>>;

export interface BackupFile extends BackupHeader {
  stores: BackupStores;
}

/**
 * Writes a backup. Keys come in a fixed order and records in key order, so two
 * backups of the same book are the same text (apart from `exportedAt`).
 */
export function writeBackup(
  header: Omit<BackupHeader, 'format' | 'version'>,
  stores: BackupStores,
) {
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: header.exportedAt,
    schemaVersion: header.schemaVersion,
    stores: Object.fromEntries(
      TRANSFER_STORES.map((name) => [name, stores[name] ?? []]),
    ) as BackupStores,
  };
  return JSON.stringify(file);
}

/**
 * Reads a backup's text as far as its shape: valid JSON, our format and version,
 * and an array for every store. Records are checked one by one later, against the
 * domain schemas, where the store is written (lib/transfer/backup-records.ts).
 * This half has no schema library, so a page can run it before sending anything.
 */
export function readBackup(text: string): Result<BackupFile, ImportProblem> {
  if (text.trim() === '') return err(problemError(uiText('import_file_empty')));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return err(problemError(uiText('import_backup_broken_json', jsonWhere(text, error))));
  }
  if (!isObject(value) || value.format !== BACKUP_FORMAT)
    return err(
      problemError(uiText('import_backup_not_backup'), {
        path: 'format',
      }),
    );
  if (value.version !== BACKUP_VERSION)
    return err(
      problemError(
        uiText('import_backup_version', {
          found: JSON.stringify(value.version) ?? '',
          expected: BACKUP_VERSION,
        }),
        { path: 'version' },
      ),
    );
  if (typeof value.exportedAt !== 'string')
    return err(problemError(uiText('import_backup_no_date'), { path: 'exportedAt' }));
  if (typeof value.schemaVersion !== 'number' || !Number.isInteger(value.schemaVersion))
    return err(problemError(uiText('import_backup_no_schema'), { path: 'schemaVersion' }));
  if (!isObject(value.stores))
    return err(problemError(uiText('import_backup_no_stores'), { path: 'stores' }));
  const stores = {} as BackupStores;
  for (const name of TRANSFER_STORES) {
    const records = value.stores[name];
    // An older backup has no recently deleted: it restores with an empty list.
    if (records === undefined && (RECENTLY_DELETED_STORES as readonly string[]).includes(name)) {
      stores[name] = [];
      continue;
    }
    if (!Array.isArray(records))
      return err(
        problemError(uiText('import_backup_store_missing', { store: name }), {
          path: `stores.${name}`,
        }),
      );
    stores[name] = records;
  }
  return ok({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: value.exportedAt,
    schemaVersion: value.schemaVersion,
    stores,
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The line and column a JSON.parse error names, when it names one (none: no params). */
function jsonWhere(text: string, error: unknown): { line: number; column: number } | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) {
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    return lineColumn ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) } : undefined;
  }
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return { line, column };
}
