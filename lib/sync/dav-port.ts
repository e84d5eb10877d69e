import { SyncFailure, failureOf } from './backoff';
import type { DavClient, Precondition, PutResult } from './dav-client';
import {
  collectionVersionsFrom,
  etagListingFrom,
  failedStatus,
  multigetFrom,
  syncAnswerFrom,
  type Fetched,
  type Listed,
  type SyncAnswer,
} from './dav-responses';
import { multigetBody, syncCollectionBody, ETAG_PROPS, VERSION_PROPS } from './requests';

/**
 * What the sync engine asks of a server, in its own terms. The real one runs over
 * DavClient; the property test runs the engine against an in-memory server with
 * the same answers (a 412 on a stale ETag, 404 for what is gone, tokens).
 */
export interface DavPort {
  put(href: string, body: string, contentType: string, when: Precondition): Promise<PutResult>;
  remove(href: string, etag: string | undefined): Promise<number>;
  /** Changes since `token` ('' = everything); `invalid` when the server no longer knows it. */
  changesSince(collection: string, token: string): Promise<SyncAnswer | 'invalid'>;
  /** Every object's href and ETag, for servers without sync-collection. */
  listEtags(collection: string): Promise<Listed[]>;
  /**
   * Each collection inside `parent` (Depth 1) with a mark of its version, by path; a
   * collection that changed has a new one. Undefined when the server will not list
   * the parent (then every collection is pulled).
   */
  versionsIn?(parent: string): Promise<Map<string, string> | undefined>;
  fetchObjects(
    collection: string,
    kind: 'addressbook' | 'calendar',
    hrefs: string[],
  ): Promise<Fetched[]>;
}

/** A fetch that threw (offline, refused, a certificate problem) as a typed failure. */
async function reaching<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof SyncFailure) throw error;
    throw new SyncFailure(isTimeout(error) ? 'timeout' : 'offline');
  }
}

/** A request stopped by its time limit (AbortSignal.timeout), not a network failure. */
export function isTimeout(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'TimeoutError';
}

function check(answer: unknown): void {
  const status = failedStatus(answer);
  if (status !== undefined) throw new SyncFailure(failureOf(status), status);
}

export function davPort(client: DavClient): DavPort {
  return {
    put: (href, body, type, when) => reaching(() => client.put(href, body, type, when)),
    remove: (href, etag) => reaching(() => client.remove(href, etag)),
    async changesSince(collection, token) {
      const answer = await reaching(() =>
        client.report(collection, syncCollectionBody(token), '0'),
      );
      const status = failedStatus(answer);
      // RFC 6578 says 403/409 valid-sync-token; Xandikos answers an unknown token with 500.
      if (status !== undefined && token !== '' && [403, 409, 500].includes(status))
        return 'invalid';
      check(answer);
      return syncAnswerFrom(answer);
    },
    async listEtags(collection) {
      const answer = await reaching(() => client.propfind(collection, ETAG_PROPS, '1'));
      check(answer);
      return etagListingFrom(answer, collection);
    },
    async versionsIn(parent) {
      const answer = await reaching(() => client.propfind(parent, VERSION_PROPS, '1'));
      const status = failedStatus(answer);
      // A refused password or a server in trouble stops the round as any request would;
      // a parent the user may not list (a shared collection's) only costs the shortcut.
      if (status === 401 || (status !== undefined && status >= 500)) check(answer);
      return status === undefined ? collectionVersionsFrom(answer) : undefined;
    },
    async fetchObjects(collection, kind, hrefs) {
      const answer = await reaching(() =>
        client.report(collection, multigetBody(kind, hrefs), '1'),
      );
      check(answer);
      return multigetFrom(answer);
    },
  };
}
