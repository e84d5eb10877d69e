import type { Interaction } from '../domain/interaction';
import type { FollowUp } from '../domain/follow-up';
import type { Party } from '../domain/party';
import type { PartyDraft } from '../domain/party';
import type { Result } from '../domain/result';
import type { MessageName, RequestInput, Response } from '../protocol/messages';
import {
  BACKUP_STORES,
  RECENTLY_DELETED_STORES,
  TRANSFER_STORES,
  writeBackup,
  type BackupFile,
  type BackupStores,
  type TransferStore,
} from './backup-format';
import type { ImportRow } from './problems';
import { uiText, type UiText } from '../domain/ui-text';

/** How a page talks to the background (sendMessage in the extension, a fake in tests). */
export type Transport = <N extends MessageName>(
  name: N,
  request: RequestInput<N>,
) => Promise<Result<Response<N>>>;

export interface Progress {
  done: number;
  total: number;
}

const PAGE = 2000;
export const IMPORT_CHUNK = 1000;

/** A refusal from the background, thrown out of a transfer with its words. */
class TransferError extends Error {
  constructor(readonly words: UiText) {
    super(words.code);
  }
}

async function unwrap<T>(result: Promise<Result<T>>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new TransferError(settled.error.message);
  return settled.value;
}

/**
 * A failure for the user: the background's refusal as its words (the page says
 * them), anything else (a file the browser could not read) as the error's own text.
 */
export function messageOf(error: unknown): UiText | string {
  if (error instanceof TransferError) return error.words;
  return error instanceof Error ? error.message : String(error);
}

/** Every record of one store, read a page at a time. */
export async function readStore<T>(
  send: Transport,
  store: TransferStore,
  onPage?: (count: number) => void,
): Promise<T[]> {
  const records: T[] = [];
  let after: string | undefined;
  do {
    const page = await unwrap(send('transfer/exportPage', { store, after, limit: PAGE }));
    records.push(...(page.records as T[]));
    onPage?.(page.records.length);
    after = page.next;
  } while (after !== undefined);
  return records;
}

/** The whole book as a backup file's text, assembled here from pages. */
export async function exportBackup(
  send: Transport,
  now: Date,
  onProgress?: (progress: Progress) => void,
): Promise<string> {
  const counts = await unwrap(send('transfer/counts', {}));
  const total = BACKUP_STORES.reduce((sum, store) => sum + counts[store], 0);
  let done = 0;
  const stores = {} as Required<BackupStores>;
  for (const store of BACKUP_STORES) {
    stores[store] = await readStore(send, store, (n) => onProgress?.({ done: (done += n), total }));
  }
  // Small beside the book (one entry per action): read after it, outside the progress.
  for (const store of RECENTLY_DELETED_STORES) stores[store] = await readStore(send, store);
  return writeBackup({ exportedAt: now.toISOString(), schemaVersion: 1 }, stores);
}

export type RestoreResult = Response<'transfer/restoreCommit'>;

/** Sends a backup in chunks; the background writes it in one go at the end, or not at all. */
export async function restoreBackup(
  send: Transport,
  file: BackupFile,
  mode: 'empty' | 'merge',
  onProgress?: (progress: Progress) => void,
): Promise<RestoreResult> {
  const counts = Object.fromEntries(
    TRANSFER_STORES.map((s) => [s, file.stores[s]?.length ?? 0]),
  ) as Record<TransferStore, number>;
  const total = TRANSFER_STORES.reduce((sum, s) => sum + counts[s], 0);
  const { jobId } = await unwrap(
    send('transfer/restoreBegin', { mode, schemaVersion: file.schemaVersion, counts }),
  );
  let done = 0;
  for (const store of TRANSFER_STORES) {
    const records = file.stores[store] ?? [];
    for (let offset = 0; offset < records.length; offset += PAGE) {
      const chunk = records.slice(offset, offset + PAGE);
      await unwrap(send('transfer/restoreChunk', { jobId, store, offset, records: chunk }));
      onProgress?.({ done: (done += chunk.length), total });
    }
  }
  return unwrap(send('transfer/restoreCommit', { jobId }));
}

export interface ImportResult {
  added: number;
  merged: number;
  /** Rows the store refused and rows imported with a change, by line in the file. */
  skipped: { line: number; message: UiText }[];
  adjusted: { line: number; message: UiText }[];
  cancelled: boolean;
}

/**
 * Imports rows in chunks, one acknowledged message each. A cancel takes effect
 * between chunks: what was acknowledged is stored, nothing after it is sent.
 */
export async function importRows(
  send: Transport,
  rows: readonly ImportRow<PartyDraft>[],
  options: {
    signal?: AbortSignal;
    onProgress?: (progress: Progress) => void;
    jobId?: string;
    /** Names the import batch in options' list of imports. */
    fileName?: string;
  } = {},
): Promise<ImportResult> {
  const jobId = options.jobId ?? crypto.randomUUID();
  const result: ImportResult = { added: 0, merged: 0, skipped: [], adjusted: [], cancelled: false };
  for (let start = 0; start < rows.length; start += IMPORT_CHUNK) {
    if (options.signal?.aborted) {
      result.cancelled = true;
      await send('transfer/cancel', { jobId });
      break;
    }
    const chunk = rows.slice(start, start + IMPORT_CHUNK);
    const outcome = await unwrap(
      send('transfer/importChunk', {
        jobId,
        drafts: chunk.map((row) => row.value),
        fileName: options.fileName ?? '',
        offset: start,
      }),
    );
    result.added += outcome.added;
    result.merged += outcome.merged;
    const lineOf = (index: number) => chunk[index]?.line ?? 0;
    result.skipped.push(
      ...outcome.skipped.map((s) => ({ line: lineOf(s.index), message: s.message })),
    );
    result.adjusted.push(
      ...outcome.adjusted.map((s) => ({ line: lineOf(s.index), message: s.message })),
    );
    options.onProgress?.({ done: Math.min(start + IMPORT_CHUNK, rows.length), total: rows.length });
  }
  return result;
}

export interface Precheck {
  /** Lines whose phones cannot be read (they go to the notes). */
  phoneWarnings: { line: number; message: UiText }[];
  /** Rows that match someone on file and will be merged into them. */
  matches: number;
}

/** Asks the background what it will make of the rows' phones and who is already on file. */
export async function precheckRows(
  send: Transport,
  rows: readonly ImportRow<PartyDraft>[],
): Promise<Precheck> {
  const invalid = new Set<string>();
  const known = new Set<string>();
  for (let start = 0; start < rows.length; start += IMPORT_CHUNK) {
    const chunk = rows.slice(start, start + IMPORT_CHUNK);
    const emails = [...new Set(chunk.flatMap((row) => row.value.emails ?? []))].slice(0, 5000);
    const phones = [...new Set(chunk.flatMap((row) => row.value.phones ?? []))].slice(0, 5000);
    const checked = await unwrap(send('transfer/precheck', { emails, phones }));
    checked.invalidPhones.forEach((p) => invalid.add(p));
    [...checked.knownEmails, ...checked.knownPhones].forEach((k) => known.add(k));
  }
  const phoneWarnings: Precheck['phoneWarnings'] = [];
  for (const row of rows) {
    // One warning per line: a card's TEL lines each, a CSV row's phones together.
    const byLine = new Map<number, string[]>();
    (row.value.phones ?? []).forEach((phone, index) => {
      if (!invalid.has(phone)) return;
      const line = row.phoneLines?.[index] ?? row.line;
      const named = byLine.get(line);
      if (named) named.push(phone);
      else byLine.set(line, [phone]);
    });
    for (const [line, bad] of byLine)
      phoneWarnings.push({
        line,
        message: uiText('import_phone_unreadable', { phones: bad.join(', ') }),
      });
  }
  const matches = rows.filter((row) =>
    [...(row.value.emails ?? []), ...(row.value.phones ?? [])].some((k) => known.has(k)),
  ).length;
  return { phoneWarnings, matches };
}

export interface BookForExport {
  parties: Party[];
  interactions: Interaction[];
  followUps: FollowUp[];
}

export async function readForExport(
  send: Transport,
  stores: readonly ('parties' | 'interactions' | 'followUps')[],
): Promise<BookForExport> {
  const book: BookForExport = { parties: [], interactions: [], followUps: [] };
  if (stores.includes('parties')) book.parties = await readStore<Party>(send, 'parties');
  if (stores.includes('interactions'))
    book.interactions = await readStore<Interaction>(send, 'interactions');
  if (stores.includes('followUps')) book.followUps = await readStore<FollowUp>(send, 'followUps');
  return book;
}
