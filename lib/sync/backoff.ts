/**
 * When to try again after the server failed. Doubling from 30 s (the shortest
 * alarm a packed MV3 extension may set) to 6 h, with jitter so that many devices a
 * server turned away do not all return in the same second. A wrong password is not
 * retried at all: nothing is sent until the user fixes it. A 412 is not a failure
 * of the server but a merge, retried at once (rounds.ts); only a storm of them that
 * outlasts those retries waits here like a server error.
 */

export type FailureKind = 'auth' | 'forbidden' | 'offline' | 'timeout' | 'server' | 'conflict';

export const FIRST_RETRY_MS = 30_000;
const LAST_MS = 6 * 60 * 60 * 1000;

/** `firstMs`: shorter only in builds made for the end-to-end tests (entrypoints/background/sync.ts). */
export function retryDelay(
  failures: number,
  random: () => number = Math.random,
  firstMs = FIRST_RETRY_MS,
): number {
  const raw = Math.min(LAST_MS, firstMs * 2 ** Math.max(0, failures - 1));
  return Math.round(raw * (0.5 + random() / 2));
}

/** Which failure an HTTP status (or a fetch that threw: `undefined`) is. */
export function failureOf(status: number | undefined): FailureKind {
  if (status === undefined) return 'offline';
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 412) return 'conflict';
  return 'server';
}

export function retries(kind: FailureKind): boolean {
  return kind === 'offline' || kind === 'timeout' || kind === 'server' || kind === 'conflict';
}

/** The last error in words, for the status line. */
export function failureMessage(kind: FailureKind, status?: number): string {
  switch (kind) {
    case 'auth':
      return 'The server refused the user name or password. Nothing is sent until they are fixed.';
    case 'forbidden':
      return 'The server does not allow this account to change that address book or calendar.';
    case 'offline':
      return 'The server could not be reached (offline, or the address is wrong).';
    case 'timeout':
      return 'The server took too long to answer; Clientele will try again.';
    case 'conflict':
      return 'The server kept changing while Clientele merged; it will try again.';
    case 'server':
      return `The server answered with an error${status ? ` (${status})` : ''}; Clientele will try again.`;
  }
}

/** Thrown by the sync engine; the caller decides from `kind` whether and when to retry. */
export class SyncFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly status?: number,
  ) {
    super(failureMessage(kind, status));
    this.name = 'SyncFailure';
  }
}
