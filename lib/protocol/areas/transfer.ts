import { z } from 'zod';
import { RelationshipKindSchema } from '../../domain/relationship';
import {
  BACKUP_STORES,
  RECENTLY_DELETED_STORES,
  TRANSFER_STORES,
} from '../../transfer/backup-format';
import { defineMessage } from '../define';
import { UiTextSchema } from '../../domain/ui-text-schema';
import { lazy } from '../../domain/lazy';

const StoreSchema = lazy(() => z.enum(BACKUP_STORES));
/** A store a backup reads and restores: the book's, and the recently deleted. */
const TransferStoreSchema = lazy(() => z.enum(TRANSFER_STORES));
const JobIdSchema = lazy(() => z.string().min(1).max(100));
const CountsSchema = lazy(() =>
  z.object(
    Object.fromEntries(BACKUP_STORES.map((s) => [s, z.number().int().nonnegative()])) as Record<
      (typeof BACKUP_STORES)[number],
      z.ZodNumber
    >,
  ),
);
/** A restore's counts: backups older than the recently-deleted stores have none of those. */
const RestoreCountsSchema = lazy(() =>
  CountsSchema.extend(
    Object.fromEntries(
      RECENTLY_DELETED_STORES.map((s) => [s, z.number().int().nonnegative().default(0)]),
    ) as Record<(typeof RECENTLY_DELETED_STORES)[number], z.ZodDefault<z.ZodNumber>>,
  ),
);
const TallySchema = lazy(() =>
  z.object({
    added: z.number().int(),
    merged: z.number().int(),
    skipped: z.number().int(),
  }),
);
/** Chunks stay far below the runtime's message cap (~64 MiB in Chrome) and show real progress. */
export const MAX_CHUNK = 5000;

const ImportOutcomeSchema = lazy(() =>
  z.object({
    added: z.number().int(),
    merged: z.number().int(),
    /** Rows the store refused, by their position in the chunk. */
    skipped: z.array(z.object({ index: z.number().int(), message: UiTextSchema })),
    /** Rows imported with an unreadable phone kept in the notes instead. */
    adjusted: z.array(z.object({ index: z.number().int(), message: UiTextSchema })),
  }),
);
export type ImportChunkOutcome = z.infer<typeof ImportOutcomeSchema>;

/**
 * Backup, restore, import and export. Large transfers go in chunks, one message
 * each, every one acknowledged: progress is real, a cancel stops between chunks,
 * and no message comes near the runtime's size cap.
 */
export const transferMessages = {
  /** How many records each store holds (is the book empty? how far along is an export?). */
  'transfer/counts': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({}),
    response: CountsSchema,
  })),
  /** One page of a store in key order, for a backup or an export assembled in the page. */
  'transfer/exportPage': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({
      store: TransferStoreSchema,
      after: z.string().max(100).optional(),
      limit: z.number().int().min(1).max(MAX_CHUNK).default(2000),
    }),
    response: z.object({
      records: z.array(z.record(z.string(), z.unknown())),
      next: z.string().optional(),
    }),
  })),
  /** Starts a restore; nothing is written until every record has arrived and been checked. */
  'transfer/restoreBegin': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({
      mode: z.enum(['empty', 'merge']),
      schemaVersion: z.number().int(),
      counts: RestoreCountsSchema,
    }),
    response: z.object({ jobId: JobIdSchema }),
  })),
  'transfer/restoreChunk': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({
      jobId: JobIdSchema,
      store: TransferStoreSchema,
      offset: z.number().int().nonnegative(),
      records: z.array(z.unknown()).max(MAX_CHUNK),
    }),
    response: z.object({ received: z.number().int() }),
  })),
  /** Writes the whole restore in one transaction, or nothing. */
  'transfer/restoreCommit': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({ jobId: JobIdSchema }),
    response: z.object({
      mode: z.enum(['empty', 'merge']),
      outcome: z.record(StoreSchema, TallySchema),
    }),
  })),
  /** Forgets a restore or import job; chunks sent after this are refused. */
  'transfer/cancel': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({ jobId: JobIdSchema }),
    response: z.object({ cancelled: z.boolean() }),
  })),
  /** Before an import: which phones are unreadable, and which emails and phones are on file. */
  'transfer/precheck': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({
      emails: z.array(z.string().max(320)).max(MAX_CHUNK),
      phones: z.array(z.string().max(64)).max(MAX_CHUNK),
    }),
    response: z.object({
      invalidPhones: z.array(z.string()),
      knownEmails: z.array(z.string()),
      knownPhones: z.array(z.string()),
    }),
  })),
  /** Imports one chunk of parsed rows (CSV or vCard) with the duplicate rules; each chunk commits. */
  'transfer/importChunk': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({
      /** Also the import batch's id: every chunk of one job is one batch, undone as one. */
      jobId: JobIdSchema,
      drafts: z.array(z.unknown()).max(MAX_CHUNK),
      /** The name of the file imported, as options lists the batch. */
      fileName: z.string().max(500).default(''),
      /** The position of the chunk's first row in the file: orders the batch's parts. */
      offset: z.number().int().nonnegative().max(100_000_000).default(0),
    }),
    response: ImportOutcomeSchema,
  })),
  /** Reads a `.vcf` linked from the page in that page's own context, then imports its cards. */
  'transfer/importVcardLink': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({
      tabId: z.number().int().nonnegative(),
      url: z.string().max(2048),
      kind: RelationshipKindSchema.default('prospect'),
    }),
    response: z.object({
      added: z.number().int(),
      merged: z.number().int(),
      names: z.array(z.string()),
      problems: z.array(
        z.object({
          line: z.number().int().optional(),
          message: UiTextSchema,
        }),
      ),
    }),
  })),
} as const;
