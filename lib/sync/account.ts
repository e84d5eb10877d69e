import { z } from 'zod';
import { InstantSchema } from '../domain/ids';
import { RelationshipKindSchema } from '../domain/relationship';
import { SyncErrorCodeSchema } from '../protocol/areas/sync';
import { lazy } from '../domain/lazy';

/**
 * What sync keeps in extension storage, parsed on every read. The account (server,
 * user, collections) is in `storage.local`; the password is apart from it, in
 * `storage.session` — or in `storage.local` under its own key only when the user
 * ticked "remember on this device" — so no code that reads or copies the account
 * (backup, export, status) ever holds the password.
 */

export const ACCOUNT_KEY = 'syncAccount';
export const PASSWORD_KEY = 'syncPassword';
export const RUN_KEY = 'syncRun';
export const LEASE_KEY = 'syncLease';

const CollectionSchema = lazy(() =>
  z.object({
    href: z.string().url().max(2000),
    name: z.string().max(500),
  }),
);
const DiscoveredBookSchema = lazy(() =>
  CollectionSchema.extend({ cardVersions: z.array(z.string()) }),
);

export const AccountSchema = lazy(() =>
  z.object({
    server: z.string().url().max(2000),
    user: z.string().min(1).max(500),
    remember: z.boolean(),
    /** Absent until the user chose (or created) them: sync is then still off. */
    addressbook: DiscoveredBookSchema.optional(),
    calendar: CollectionSchema.optional(),
    defaultKind: RelationshipKindSchema.default('prospect'),
    /** What discovery found, for 'sync/choose' (an href must be one of these, or new). */
    found: z
      .object({
        addressbookHome: z.string().max(2000).optional(),
        calendarHome: z.string().max(2000).optional(),
        addressbooks: z.array(DiscoveredBookSchema),
        calendars: z.array(CollectionSchema),
      })
      .optional(),
    /** Off after 'sync/disconnect' without forgetting: kept, not used. */
    paused: z.boolean().default(false),
  }),
);
export type Account = z.infer<typeof AccountSchema>;

/** How the last rounds went: what the status line shows, and when to try again. */
export const RunStateSchema = lazy(() =>
  z.object({
    lastSyncedAt: InstantSchema.optional(),
    error: z.object({ code: SyncErrorCodeSchema, message: z.string() }).optional(),
    /** Failures in a row, for the backoff. */
    failures: z.number().int().nonnegative().default(0),
    /** The server refused the password: nothing is sent until it changes. */
    authBlocked: z.boolean().default(false),
  }),
);
export type RunState = z.infer<typeof RunStateSchema>;

/** A round in progress, in storage so that it outlives a stopped worker. */
export const LeaseSchema = lazy(() => z.object({ owner: z.string(), expiresAt: InstantSchema }));
export type Lease = z.infer<typeof LeaseSchema>;

export const PasswordSchema = lazy(() => z.string().min(1).max(1000));

/** The part of extension storage sync uses (browser.storage.local / .session). */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string | string[]): Promise<void>;
}

export async function readParsed<T>(
  area: StorageArea,
  key: string,
  schema: z.ZodType<T>,
): Promise<T | undefined> {
  const stored = (await area.get(key))[key];
  if (stored === undefined) return undefined;
  const parsed = schema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

/** Plain http is for this machine only (a server in a test, or on the user's own computer). */
export function insecure(server: string): boolean {
  const url = new URL(server);
  if (url.protocol === 'https:') return false;
  return !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** The pattern a host permission is asked and checked with: exactly this origin. */
export function originPattern(server: string): string {
  return `${new URL(server).origin}/*`;
}
