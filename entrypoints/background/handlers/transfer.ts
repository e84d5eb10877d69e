// Over 300 lines: the nine transfer handlers (counts, export pages, the three restore
// steps, cancel, precheck, import chunks, a page's .vcf link) share the restore in
// progress, the cancelled-job set and the import's screening of drafts; split, each
// part would reach into the others' state.

import { normalizePhone } from '../../../lib/domain/phone';
import { err, ok, refusal } from '../../../lib/domain/result';
import {
  countRecords,
  readStorePage,
  restoreIntoEmpty,
  restoreMerge,
} from '../../../lib/db/backup-repository';
import { importParties } from '../../../lib/db/bulk-import';
import { announceBookChanged } from '../../../lib/platform/book-changed';
import type { BatchTag } from '../../../lib/db/import-batch';
import { newId } from '../../../lib/domain/ids';
import { findPartiesByContacts } from '../../../lib/db/party-repository';
import { normalizeEmail } from '../../../lib/domain/email';
import type { transferMessages, ImportChunkOutcome } from '../../../lib/protocol/areas/transfer';
import type { HandlersFor } from '../../../lib/protocol/listener';
import {
  BACKUP_STORES,
  TRANSFER_STORES,
  type TransferStore,
} from '../../../lib/transfer/backup-format';
import { pruneExpired } from '../../../lib/db/deletion-repository';
import {
  findConflicts,
  parseBackupRecords,
  type BackupRecords,
} from '../../../lib/transfer/backup-records';
import { mergeParties } from '../../../lib/domain/merge';
import { readVcards } from '../../../lib/transfer/vcard-read';
import { keepUnreadablePhonesInNotes } from '../../../lib/transfer/unreadable-phones';
import { t } from '../../../lib/platform/i18n';
import type { BackgroundDeps } from './deps';
import { uiText, type UiText, type UiTextParams } from '../../../lib/domain/ui-text';

/** A linked card is a contact or a few, never a book: anything bigger is refused. */
export const MAX_LINKED_CARD_BYTES = 1024 * 1024;

interface RestoreJob {
  id: string;
  mode: 'empty' | 'merge';
  counts: Record<TransferStore, number>;
  records: Record<TransferStore, unknown[]>;
}

/**
 * Restore chunks wait in memory until the commit: nothing is written before every
 * record has arrived and passed its schema. If the worker stops in between, the
 * job is gone and the page is told to start again (the book is unchanged).
 */
export function createTransferHandlers(deps: BackgroundDeps): HandlersFor<typeof transferMessages> {
  const { repo } = deps;
  let restore: RestoreJob | undefined;
  const cancelled = new Set<string>();

  const lostJob = err(refusal('job_lost', 'restore_interrupted'));

  const importDrafts = async (drafts: unknown[], batch: BatchTag): Promise<ImportChunkOutcome> => {
    const { region, cadence } = await repo.settings();
    const adjusted: ImportChunkOutcome['adjusted'] = [];
    const screened = drafts.map((draft, index) => {
      const kept = keepUnreadablePhonesInNotes(draft, region, t);
      if (kept.moved.length > 0)
        adjusted.push({
          index,
          message: uiText('import_phones_kept', {
            count: kept.moved.length,
            phones: kept.moved.map((p) => `“${p}”`).join(', '),
          }),
        });
      return kept.draft;
    });
    const now = repo.clock();
    // A row whose notes would not fit beside the record's is not merged: the record
    // stays as it was and the row is listed as skipped, with why (nothing truncated).
    const refused: ImportChunkOutcome['skipped'] = [];
    const outcome = await importParties(repo, screened as never[], {
      chunkSize: Math.max(1, screened.length),
      batch,
      merge: (onFile, incoming) => {
        const merged = mergeParties(onFile, incoming, { keep: 'on-file', cadence, now, words: t });
        if (merged.ok) return merged.value;
        refused.push({ index: rowOf(screened, incoming), message: merged.error.message });
        return onFile;
      },
    });
    return {
      added: outcome.created,
      merged: (outcome.merged ?? 0) - refused.length,
      skipped: [
        ...outcome.rejected.map(({ index, error }) => ({ index, message: error.message })),
        ...refused,
      ],
      adjusted,
    };
  };

  return {
    'transfer/counts': async () => ok(await countRecords(repo.getDb)),

    'transfer/exportPage': async ({ store, after, limit }) => {
      // A backup holds the undo entries still within their window: expired ones go first.
      if (store === 'undoEntries' && after === undefined)
        await pruneExpired(repo.getDb, repo.clock());
      return ok(await readStorePage(repo.getDb, store, { after, limit }));
    },

    'transfer/restoreBegin': async ({ mode, counts, schemaVersion }) => {
      if (schemaVersion > 1_000) return err(refusal('invalid_backup', 'restore_unknown_version'));
      if (mode === 'empty') {
        const present = await countRecords(repo.getDb);
        if (BACKUP_STORES.some((store) => present[store] > 0))
          return err(refusal('not_empty', 'restore_not_empty', { count: present.parties }));
      }
      const id = crypto.randomUUID();
      restore = {
        id,
        mode,
        counts,
        records: Object.fromEntries(
          TRANSFER_STORES.map((s) => [s, []]),
        ) as unknown as RestoreJob['records'],
      };
      return ok({ jobId: id });
    },

    'transfer/restoreChunk': async ({ jobId, store, offset, records }) => {
      if (restore?.id !== jobId) return lostJob;
      const job = restore;
      const held = job.records[store];
      if (offset !== held.length || held.length + records.length > job.counts[store]) {
        restore = undefined;
        return err(refusal('invalid_backup', 'restore_out_of_order', { store }));
      }
      const parsed = parseBackupRecords(store, records, offset);
      if (!parsed.ok) {
        restore = undefined;
        return err(refusal('invalid_backup', 'restore_refused', refusedFor(parsed.error)));
      }
      held.push(...parsed.value);
      return Promise.resolve(ok({ received: held.length }));
    },

    'transfer/restoreCommit': async ({ jobId }) => {
      if (restore?.id !== jobId) return lostJob;
      const job = restore;
      restore = undefined;
      const missing = TRANSFER_STORES.find(
        (store) => job.records[store].length !== job.counts[store],
      );
      if (missing) return err(refusal('invalid_backup', 'restore_incomplete', { store: missing }));
      const records = job.records as unknown as BackupRecords;
      const conflict = findConflicts(records);
      if (conflict) return err(refusal('invalid_backup', 'restore_refused', refusedFor(conflict)));
      const outcome =
        job.mode === 'empty'
          ? await restoreIntoEmpty(repo.getDb, records)
          : await restoreMerge(repo, records);
      if (!outcome.ok) return outcome;
      await announceBookChanged(repo.clock());
      return ok({ mode: job.mode, outcome: outcome.value });
    },

    'transfer/cancel': async ({ jobId }) => {
      cancelled.add(jobId);
      if (restore?.id === jobId) restore = undefined;
      return Promise.resolve(ok({ cancelled: true }));
    },

    'transfer/precheck': async ({ emails, phones }) => {
      const { region } = await repo.settings();
      const normalizedPhones = new Map<string, string | null>(
        phones.map((p) => [p, normalizePhone(p, region)]),
      );
      const normalizedEmails = new Map<string, string | null>(
        emails.map((e) => [e, normalizeEmail(e)]),
      );
      const found = await findPartiesByContacts(await repo.getDb(), {
        emails: [...normalizedEmails.values()].filter((e): e is string => e !== null),
        phones: [...normalizedPhones.values()].filter((p): p is string => p !== null),
      });
      return ok({
        invalidPhones: phones.filter((p) => p.trim() !== '' && normalizedPhones.get(p) === null),
        knownEmails: emails.filter((e) => found.byEmail.has(normalizedEmails.get(e) ?? '')),
        knownPhones: phones.filter((p) => found.byPhone.has(normalizedPhones.get(p) ?? '')),
      });
    },

    'transfer/importChunk': async ({ jobId, drafts, fileName, offset }) => {
      if (cancelled.has(jobId)) return err(refusal('cancelled', 'import_cancelled'));
      const outcome = await importDrafts(drafts, { id: jobId, fileName, offset });
      await announceBookChanged(repo.clock());
      return ok(outcome);
    },

    'transfer/importVcardLink': async ({ tabId, url, kind }) => {
      const findings = await deps.findings.read(tabId);
      if (!findings?.vcards?.includes(url)) return err(refusal('forbidden', 'card_link_not_found'));
      if (!deps.readTabText) return err(refusal('unsupported', 'card_link_unsupported'));
      const read = await deps.readTabText(tabId, url, MAX_LINKED_CARD_BYTES);
      if (!read.ok) return err(refusal('unreadable', read.words.code, read.words.params));
      if (!sameOrigin(url, read.pageUrl)) return err(refusal('forbidden', 'card_link_other_site'));
      const cards = readVcards(read.text, kind, undefined, t);
      const problems = cards.problems.map(({ line, message }) =>
        line === undefined ? { message } : { line, message },
      );
      if (cards.drafts.length === 0) return ok({ added: 0, merged: 0, names: [], problems });
      const outcome = await importDrafts(
        cards.drafts.map((card) => card.value),
        { id: newId(), fileName: fileNameOf(url), offset: 0 },
      );
      await announceBookChanged(repo.clock());
      return ok({
        added: outcome.added,
        merged: outcome.merged,
        names: cards.drafts.map((card) => card.value.name),
        problems: [
          ...problems,
          ...[...outcome.skipped, ...outcome.adjusted].map(({ index, message }) => ({
            line: cards.drafts[index]?.line,
            message,
          })),
        ],
      });
    },
  };
}

/** A backup's problem, and where it is, as a refused restore names it (the page words both). */
function refusedFor(problem: { path?: string; line?: number; message: UiText }): UiTextParams {
  return {
    problem: problem.message,
    ...(problem.path ? { path: problem.path } : {}),
    ...(problem.line !== undefined ? { line: problem.line } : {}),
  };
}

/** The last segment of a card's address ("ada.vcf"), as its import batch is named. */
function fileNameOf(url: string): string {
  try {
    const path = new URL(url).pathname;
    return (
      decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)).slice(0, 500) || url.slice(0, 500)
    );
  } catch {
    return url.slice(0, 500);
  }
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** The position of the row a party was built from: the first draft with its name and first address. */
function rowOf(drafts: readonly unknown[], party: { name: string; emails: string[] }): number {
  const found = drafts.findIndex((draft) => {
    const d = draft as { name?: unknown; emails?: unknown };
    return (
      d.name === party.name &&
      (party.emails.length === 0 ||
        (Array.isArray(d.emails) &&
          d.emails.some((e) => String(e).toLowerCase() === party.emails[0])))
    );
  });
  return Math.max(0, found);
}
