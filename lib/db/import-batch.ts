import { z } from 'zod';
import { PartySchema, type Party } from '../domain/party';
import { lazy } from '../domain/lazy';

/**
 * One part of an import (store `importBatches`, key `id`): an import is written in
 * chunks, each its own transaction, and each chunk writes its part in that same
 * transaction, so a part exists exactly when its records do. `id` is
 * `${batchId}:${offset}` (offset zero-padded), so a batch's parts read back in the
 * order they were written. A part holds the parties the chunk added (with the
 * `updatedAt` it gave them) and, for each party it merged rows into, that party as
 * it was before (`before`) and the `updatedAt` the merge wrote (`after`). Undoing
 * the import removes the added parties still at their `updatedAt` and puts back
 * `before` where the party is still at `after`; anything edited since is left
 * alone and counted as kept (lib/db/import-undo.ts).
 */
export const ImportBatchSchema = lazy(() =>
  z.object({
    id: z.string().min(1).max(160),
    batchId: z.string().min(1).max(100),
    at: z.number(),
    fileName: z.string().max(500),
    added: z.array(z.object({ id: z.string(), updatedAt: z.number() })),
    merged: z.array(z.object({ before: PartySchema, after: z.number() })),
    /** Set once undone: the batch stays listed as such, and cannot be undone twice. */
    undoneAt: z.number().optional(),
  }),
);
export type ImportBatch = z.infer<typeof ImportBatchSchema>;

/** Which import a bulk write belongs to, and where in it this write starts. */
export interface BatchTag {
  id: string;
  fileName: string;
  /** The position of the first row of the write in the whole import. */
  offset: number;
}

/** The key of the part starting at `offset`: padded so keys sort as offsets do. */
export const partKey = (batchId: string, offset: number) =>
  `${batchId}:${String(offset).padStart(10, '0')}`;

/** Every part of one batch, as a key range. */
export const partsOf = (batchId: string) => IDBKeyRange.bound(`${batchId}:`, `${batchId}:\uffff`);

/**
 * The part one chunk writes: every party it wrote is either new (not among those
 * on file when the chunk read them) or merged into one that was.
 */
export function batchPart(
  tag: BatchTag,
  at: number,
  written: ReadonlyMap<string, Party>,
  onFile: ReadonlyMap<string, Party>,
): ImportBatch {
  const part: ImportBatch = {
    id: partKey(tag.id, tag.offset),
    batchId: tag.id,
    at,
    fileName: tag.fileName,
    added: [],
    merged: [],
  };
  for (const party of written.values()) {
    const before = onFile.get(party.id);
    if (!before) part.added.push({ id: party.id, updatedAt: party.updatedAt });
    // A merge that was refused writes the record unchanged: nothing to take back.
    else if (before !== party) part.merged.push({ before, after: party.updatedAt });
  }
  return part;
}
