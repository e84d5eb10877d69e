import { z } from 'zod';
import { InstantSchema } from '../../domain/ids';
import { RelationshipKindSchema } from '../../domain/relationship';
import { defineMessage } from '../define';
import { lazy } from '../../domain/lazy';

/**
 * Sync with the user's own CardDAV/CalDAV server: setup, status and "Sync now".
 * Only our own pages may send these. No response here ever carries the password:
 * it goes in with 'sync/connect' and never comes back out.
 */

export const SyncErrorCodeSchema = lazy(() =>
  z.enum([
    'auth',
    'not-dav',
    'certificate',
    'permission',
    'offline',
    'insecure',
    'server',
    'timeout',
  ]),
);
export type SyncErrorCode = z.infer<typeof SyncErrorCodeSchema>;

export const SyncStateSchema = lazy(() => z.enum(['off', 'syncing', 'synced', 'pending', 'error']));
export type SyncState = z.infer<typeof SyncStateSchema>;

const CollectionSchema = lazy(() =>
  z.object({
    href: z.string().min(1).max(2000),
    name: z.string().max(500),
  }),
);
export type SyncCollection = z.infer<typeof CollectionSchema>;

export const SyncErrorSchema = lazy(() =>
  z.object({
    code: SyncErrorCodeSchema,
    message: z.string().max(1000),
  }),
);

/** The account as pages may see it: never the password. */
export const SyncAccountViewSchema = lazy(() =>
  z.strictObject({
    server: z.string(),
    user: z.string(),
    remember: z.boolean(),
    addressbook: CollectionSchema.optional(),
    calendar: CollectionSchema.optional(),
    defaultKind: RelationshipKindSchema,
  }),
);

export const SyncStatusSchema = lazy(() =>
  z.strictObject({
    state: SyncStateSchema,
    /** Local changes waiting for the server. */
    pending: z.number().int().nonnegative(),
    lastSyncedAt: InstantSchema.optional(),
    error: SyncErrorSchema.optional(),
    account: SyncAccountViewSchema.optional(),
  }),
);
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

/** A server address: http(s) only; whether plain http is allowed is the background's call. */
const ServerUrlSchema = lazy(() =>
  z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
      message: 'not an http(s) URL',
    }),
);

export const SyncConnectRequestSchema = lazy(() =>
  z.object({
    server: ServerUrlSchema,
    user: z.string().min(1).max(500),
    password: z.string().min(1).max(1000),
    remember: z.boolean(),
  }),
);
export type SyncConnectRequest = z.infer<typeof SyncConnectRequestSchema>;

export const SyncConnectResponseSchema = lazy(() =>
  z.discriminatedUnion('ok', [
    z.strictObject({
      ok: z.literal(true),
      addressbooks: z.array(CollectionSchema),
      calendars: z.array(CollectionSchema),
    }),
    z.strictObject({ ok: z.literal(false), code: SyncErrorCodeSchema, message: z.string() }),
  ]),
);
export type SyncConnectResponse = z.infer<typeof SyncConnectResponseSchema>;

/** An existing collection (its href, from 'sync/connect') or a new one by display name. */
const ChoiceSchema = lazy(() =>
  z.union([
    z.strictObject({ href: z.string().min(1).max(2000) }),
    z.strictObject({ create: z.string().trim().min(1).max(200) }),
  ]),
);
export type SyncChoice = z.infer<typeof ChoiceSchema>;

export const SyncChooseRequestSchema = lazy(() =>
  z.object({
    addressbook: ChoiceSchema,
    calendar: ChoiceSchema,
    defaultKind: RelationshipKindSchema,
  }),
);
export type SyncChooseRequest = z.infer<typeof SyncChooseRequestSchema>;

export const syncMessages = {
  'sync/status': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({}),
    response: SyncStatusSchema,
  })),
  /** Discovery and "Test connection"; the page asks for the origin's permission first. */
  'sync/connect': defineMessage(() => ({
    sender: 'extension-page',
    request: SyncConnectRequestSchema,
    response: SyncConnectResponseSchema,
  })),
  /** Saves the account with its collections and starts the first sync. */
  'sync/choose': defineMessage(() => ({
    sender: 'extension-page',
    request: SyncChooseRequestSchema,
    response: SyncStatusSchema,
  })),
  'sync/now': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({}),
    response: SyncStatusSchema,
  })),
  /** Stops syncing; `forget` also drops the credentials and synced state (the book stays). */
  'sync/disconnect': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({ forget: z.boolean() }),
    response: SyncStatusSchema,
  })),
} as const;
