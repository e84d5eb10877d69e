import { z } from 'zod';
import { PartySchema } from '../domain/party';

/**
 * One import (store `importBatches`, key `id`): when, from which file, which parties
 * it added (with the `updatedAt` it gave them) and, for each party it merged rows
 * into, that party as it was before (`before`) and the `updatedAt` the merge wrote
 * (`after`). Undoing the import removes the added parties still at their `updatedAt`
 * and puts back `before` where the party is still at `after`; anything edited since
 * is left alone and counted as kept.
 */
export const ImportBatchSchema = z.object({
  id: z.string().min(1).max(64),
  at: z.number(),
  fileName: z.string().max(500),
  added: z.array(z.object({ id: z.string(), updatedAt: z.number() })),
  merged: z.array(z.object({ before: PartySchema, after: z.number() })),
  /** Set once undone: the batch stays listed as such, and cannot be undone twice. */
  undoneAt: z.number().optional(),
});
export type ImportBatch = z.infer<typeof ImportBatchSchema>;
