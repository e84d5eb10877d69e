// Over 300 lines: setup, rounds and status share the one-round-at-a-time state and its
// backoff; the engine, the DAV port and the outbox live in their own modules.
/**
 * The sync service the background runs: setup ('sync/connect', 'sync/choose'),
 * rounds (after a change, on an alarm, at start, on "Sync now"), one at a time,
 * with the status pages see. Over 150 lines because setup and rounds share the
 * account, the lease and the status; the parts that are pure live beside it
 * (account.ts, engine.ts, backoff.ts). The browser comes in as ports.
 */
import type { SyncNoteWords } from '../db/sync-history';
import type { GetDb } from '../db/open';
import { setSyncActive } from '../db/outbox-capture';
import { countQueued } from '../db/outbox-store';
import { createIdbSyncStore } from '../db/sync-store';
import type {
  SyncChooseRequest,
  SyncConnectRequest,
  SyncConnectResponse,
  SyncErrorCode,
  SyncStatus,
} from '../protocol/areas/sync';
import {
  ACCOUNT_KEY,
  AccountSchema,
  insecure,
  LEASE_KEY,
  LeaseSchema,
  originPattern,
  PASSWORD_KEY,
  PasswordSchema,
  readParsed,
  RUN_KEY,
  RunStateSchema,
  type Account,
  type RunState,
  type StorageArea,
} from './account';
import { retries, retryDelay, SyncFailure, type FailureKind } from './backoff';
import { syncUntilSettled } from './rounds';
import type { SyncControl } from './control';
import { DavClient, type DavAccount, type Fetch } from './dav-client';
import { davPort, type DavPort } from './dav-port';
import { cardVersionFor, createCollection, discover, type Discovered } from './discovery';
import { SyncEngine } from './engine';
import { enqueueAll, forgetSyncedState, pruneOutbox } from './local-book';

export interface SyncServiceDeps {
  local: StorageArea;
  session: StorageArea;
  hasPermission: (originPattern: string) => Promise<boolean>;
  fetch: Fetch;
  getDb: GetDb;
  clock: () => number;
  region: () => Promise<string>;
  /** A retry after `delayMs` (an alarm: the worker may be stopped meanwhile). */
  retryIn: (delayMs: number) => void;
  /** The first wait after a failure; shorter only in builds made for the end-to-end tests. */
  firstRetryMs?: number;
  /**
   * The configured server changed (connected, or forgotten). Its origin is granted as
   * an optional host permission like a scanned site's, so the scanner is told again
   * which sites are really for it.
   */
  serverChanged?: () => void;
  /**
   * Gives a server's origin back (removes the optional host permission granted at
   * setup) once no account uses it: forgotten, or replaced by another server. A
   * browser refusal (the origin is required by the manifest) is the port's to swallow.
   */
  releaseOrigin?: (originPattern: string) => Promise<void>;
  /** The error in words, from the catalogue (`syncerr_<code>`). */
  words: (code: SyncErrorCode) => string;
  /** The catalogue for the history notes a sync writes (English without it). */
  noteWords?: SyncNoteWords;
  /** Tells open pages (storage.session, watched by them). */
  publish: (status: SyncStatus) => Promise<void>;
  /** A new id per worker: a lease held by an earlier worker is a round that was stopped. */
  instance: string;
  debounceMs?: number;
  /**
   * The server as the engine and discovery speak to it. By default DAV over `fetch`;
   * the service's tests pass an in-memory server behind the same account.
   */
  dav?: (account: DavAccount) => { port: DavPort; discover(): Promise<Discovered> };
}

function davOverFetch(fetcher: Fetch) {
  return (account: DavAccount) => {
    const client = new DavClient(account, fetcher);
    return { port: davPort(client), discover: () => discover(client) };
  };
}

const LEASE_MS = 120_000;

function codeOf(kind: FailureKind): SyncErrorCode {
  if (kind === 'forbidden') return 'permission';
  if (kind === 'conflict') return 'server';
  return kind;
}

export function createSyncService(deps: SyncServiceDeps): SyncControl & {
  changed(): void;
  start(): Promise<void>;
  run(): Promise<void>;
} {
  let running: Promise<void> | undefined;
  /** Asked for while a round ran: that round may have ended before the ask's change. */
  let again = false;
  const dav = deps.dav ?? davOverFetch(deps.fetch);
  let debounce: ReturnType<typeof setTimeout> | undefined;

  const account = () => readParsed(deps.local, ACCOUNT_KEY, AccountSchema);
  const runState = async (): Promise<RunState> =>
    (await readParsed(deps.local, RUN_KEY, RunStateSchema)) ?? RunStateSchema.parse({});
  const password = async () =>
    (await readParsed(deps.session, PASSWORD_KEY, PasswordSchema)) ??
    (await readParsed(deps.local, PASSWORD_KEY, PasswordSchema));
  const saveRun = (state: RunState) => deps.local.set({ [RUN_KEY]: state });
  const active = (
    a: Account | undefined,
  ): a is Account & Required<Pick<Account, 'addressbook' | 'calendar'>> =>
    !!a && !a.paused && !!a.addressbook && !!a.calendar;

  async function savePassword(value: string, remember: boolean) {
    await deps.session.set({ [PASSWORD_KEY]: value });
    if (remember) await deps.local.set({ [PASSWORD_KEY]: value });
    else await deps.local.remove(PASSWORD_KEY);
  }

  const waitingInOutbox = async () => countQueued(await deps.getDb());

  async function status(): Promise<SyncStatus> {
    const [a, run, pending] = await Promise.all([account(), runState(), waitingInOutbox()]);
    const view = a && {
      server: a.server,
      user: a.user,
      remember: a.remember,
      defaultKind: a.defaultKind,
      ...(a.addressbook
        ? { addressbook: { href: a.addressbook.href, name: a.addressbook.name } }
        : {}),
      ...(a.calendar ? { calendar: a.calendar } : {}),
    };
    const base = {
      pending,
      ...(run.lastSyncedAt !== undefined ? { lastSyncedAt: run.lastSyncedAt } : {}),
      ...(view ? { account: view } : {}),
    };
    if (!active(a)) return { state: 'off', ...base };
    if (run.error) return { state: 'error', error: run.error, ...base };
    if (running) return { state: 'syncing', ...base };
    return { state: pending > 0 || run.lastSyncedAt === undefined ? 'pending' : 'synced', ...base };
  }

  const publish = async () => deps.publish(await status());

  async function takeLease(): Promise<boolean> {
    const now = deps.clock();
    const lease = await readParsed(deps.local, LEASE_KEY, LeaseSchema);
    // Only one worker runs at a time: a lease of an earlier one is a stopped round.
    if (lease && lease.owner === deps.instance && lease.expiresAt > now) return false;
    await deps.local.set({ [LEASE_KEY]: { owner: deps.instance, expiresAt: now + LEASE_MS } });
    return true;
  }

  /** Resolves true when the round went through (and nothing failed). */
  async function round(): Promise<boolean> {
    const a = await account();
    const run = await runState();
    if (!active(a) || run.authBlocked) return false;
    const secret = await password();
    if (!secret) {
      await saveRun({
        ...run,
        error: { code: 'auth', message: deps.words('auth') },
        authBlocked: true,
      });
      return false;
    }
    if (!(await takeLease())) return false;
    await publish();
    const renew = setInterval(
      () =>
        void deps.local.set({
          [LEASE_KEY]: { owner: deps.instance, expiresAt: deps.clock() + LEASE_MS },
        }),
      LEASE_MS / 3,
    );
    try {
      const server = dav({ server: a.server, user: a.user, password: secret });
      const store = createIdbSyncStore({
        getDb: deps.getDb,
        clock: deps.clock,
        identity: () => a.user,
        ...(deps.noteWords ? { words: deps.noteWords } : {}),
      });
      const region = await deps.region();
      const engine = new SyncEngine(
        server.port,
        store,
        { addressbook: a.addressbook.href, calendar: a.calendar.href, tokens: true },
        () => ({
          cardVersion: cardVersionFor(a.addressbook),
          region,
          defaultKind: a.defaultKind,
          now: deps.clock(),
          identity: a.user,
        }),
      );
      await syncUntilSettled(
        () => engine.sync(),
        async () => (await store.pending()).length,
      );
      await saveRun({ lastSyncedAt: deps.clock(), failures: 0, authBlocked: false });
      return true;
    } catch (error) {
      const kind = error instanceof SyncFailure ? error.kind : 'server';
      if (!(error instanceof SyncFailure)) console.error('Clientele: sync failed', error);
      const failures = run.failures + 1;
      const code = codeOf(kind);
      await saveRun({
        ...run,
        failures,
        authBlocked: kind === 'auth',
        error: { code, message: deps.words(code) },
      });
      if (retries(kind)) deps.retryIn(retryDelay(failures, Math.random, deps.firstRetryMs));
      return false;
    } finally {
      clearInterval(renew);
      await deps.local.remove(LEASE_KEY);
    }
  }

  function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    again = false;
    running = round()
      .catch((error: unknown) => {
        console.error('Clientele: sync round stopped', error);
        return false;
      })
      .then(async (wentThrough) => {
        // Once more for a change queued after the round's last look at the outbox;
        // after a failure, the backoff decides.
        const waiting = wentThrough ? await waitingInOutbox() : 0;
        const more = again && waiting > 0; // `again` read after the count, not before
        running = undefined;
        if (more) void run();
        // Awaited: a caller of run() then sees the round's last state published.
        else await publish();
      });
    return running;
  }

  async function connect(request: SyncConnectRequest): Promise<SyncConnectResponse> {
    const refuse = (code: SyncErrorCode) => ({
      ok: false as const,
      code,
      message: deps.words(code),
    });
    if (insecure(request.server)) return refuse('insecure');
    if (!(await deps.hasPermission(originPattern(request.server)))) return refuse('permission');
    const client = new DavClient(request, deps.fetch);
    let found;
    try {
      found = await dav(request).discover();
    } catch (error) {
      if (!(error instanceof SyncFailure)) return refuse('not-dav');
      return refuse(error.kind === 'server' ? 'not-dav' : codeOf(error.kind));
    }
    const before = await account();
    const same = before?.server === request.server && before.user === request.user;
    const next: Account = AccountSchema.parse({
      ...(same ? before : {}),
      server: request.server,
      user: request.user,
      remember: request.remember,
      found: {
        addressbookHome: found.addressbookHome,
        calendarHome: found.calendarHome,
        addressbooks: found.addressbooks.map((c) => ({
          href: client.url(c.href),
          name: c.displayName ?? '',
          cardVersions: c.cardVersions,
        })),
        calendars: found.calendars.map((c) => ({
          href: client.url(c.href),
          name: c.displayName ?? '',
        })),
      },
    });
    if (!same) await forgetSyncedState(deps.getDb);
    await deps.local.set({ [ACCOUNT_KEY]: next });
    const left = before && originPattern(before.server);
    if (left && left !== originPattern(request.server)) await deps.releaseOrigin?.(left);
    deps.serverChanged?.();
    await savePassword(request.password, request.remember);
    // A new password lifts the stop a refused one put on every request.
    const runBefore = await runState();
    await saveRun({ ...runBefore, authBlocked: false, error: undefined, failures: 0 });
    if (active(next)) void run();
    else void publish();
    return {
      ok: true,
      addressbooks: next.found!.addressbooks.map(({ href, name }) => ({ href, name })),
      calendars: next.found!.calendars,
    };
  }

  async function choose(request: SyncChooseRequest): Promise<SyncStatus> {
    const a = await account();
    const secret = await password();
    if (!a?.found || !secret) return status();
    const client = new DavClient({ server: a.server, user: a.user, password: secret }, deps.fetch);
    const pick = async <C extends { href: string }>(
      choice: SyncChooseRequest['addressbook'],
      known: C[],
      type: 'addressbook' | 'calendar',
      home: string | undefined,
    ): Promise<C | { href: string; name: string; cardVersions: string[] } | undefined> => {
      if ('href' in choice) return known.find((c) => c.href === client.url(choice.href));
      if (!home) return undefined;
      const slug =
        choice.create
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || type;
      // Radicale keeps address books and calendars in one home: the same name for both
      // would make the calendar the address book already there (405, taken as "exists").
      const apart =
        type === 'calendar' && home === a.found?.addressbookHome ? `${slug}-tasks` : slug;
      const href = await createCollection(client, home, type, apart, choice.create);
      return { href, name: choice.create, cardVersions: [] };
    };
    try {
      const addressbook = await pick(
        request.addressbook,
        a.found.addressbooks,
        'addressbook',
        a.found.addressbookHome,
      );
      const calendar = await pick(
        request.calendar,
        a.found.calendars,
        'calendar',
        a.found.calendarHome,
      );
      if (!addressbook || !calendar) return status();
      const changed =
        a.addressbook?.href !== addressbook.href || a.calendar?.href !== calendar.href;
      if (changed) await forgetSyncedState(deps.getDb);
      const book = addressbook;
      await deps.local.set({
        [ACCOUNT_KEY]: {
          ...a,
          addressbook: book,
          calendar: { href: calendar.href, name: calendar.name },
          defaultKind: request.defaultKind,
          paused: false,
        },
      });
    } catch (error) {
      const kind = error instanceof SyncFailure ? error.kind : 'server';
      const code = codeOf(kind);
      await saveRun({ ...(await runState()), error: { code, message: deps.words(code) } });
      return status();
    }
    // Everything already in the book goes up on the first round. Capture starts first,
    // so that a change made while the book is being queued is not missed.
    setSyncActive(true);
    await enqueueAll(deps.getDb);
    void run();
    return status();
  }

  return {
    status,
    connect,
    choose,
    run,
    async now() {
      const a = await account();
      if (active(a)) {
        // The user asks now: an error is cleared for this try, except a refused password.
        const state = await runState();
        if (!state.authBlocked) await saveRun({ ...state, error: undefined });
        void run();
      }
      return status();
    },
    async disconnect(forget) {
      const a = await account();
      if (forget) {
        await deps.local.remove([ACCOUNT_KEY, PASSWORD_KEY, RUN_KEY, LEASE_KEY]);
        await deps.session.remove(PASSWORD_KEY);
        await forgetSyncedState(deps.getDb);
        if (a) await deps.releaseOrigin?.(originPattern(a.server));
        deps.serverChanged?.();
      } else if (a) await deps.local.set({ [ACCOUNT_KEY]: { ...a, paused: true } });
      setSyncActive(false);
      await pruneOutbox(deps.getDb);
      await publish();
      return status();
    },
    changed() {
      clearTimeout(debounce);
      debounce = setTimeout(() => {
        void account().then((a) => (active(a) ? run() : undefined));
      }, deps.debounceMs ?? 2000);
    },
    /** At each worker start: resume a round a stopped worker left, or send what waits. */
    async start() {
      const a = await account();
      setSyncActive(active(a));
      // Off: what an earlier version (or this worker before it knew) queued is dropped.
      // Storage this window refuses is told by the request that meets it; the next
      // start prunes.
      if (!active(a)) return pruneOutbox(deps.getDb).catch(() => undefined);
      const lease = await readParsed(deps.local, LEASE_KEY, LeaseSchema);
      const pending = await waitingInOutbox();
      if (lease || pending > 0) await run();
      else await publish();
    },
  };
}
