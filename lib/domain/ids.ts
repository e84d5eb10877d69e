import { z } from 'zod';
import { lazy } from './lazy';

/** Record ids are random UUIDs: unique across devices, so merges and imports never collide. */
export const IdSchema = lazy(() => z.string().min(1).max(64));
export type Id = z.infer<typeof IdSchema>;

export function newId(): Id {
  return crypto.randomUUID();
}

/** Epoch milliseconds; every stored instant uses this one form. */
export const InstantSchema = lazy(() => z.number().int().nonnegative());
export type Instant = z.infer<typeof InstantSchema>;
