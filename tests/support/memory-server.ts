import type { Precondition, PutResult } from '../../lib/sync/dav-client';
import type { DavPort } from '../../lib/sync/dav-port';
import type { Fetched, Listed, SyncAnswer } from '../../lib/sync/dav-responses';

/**
 * A DAV server in memory with the answers that matter to sync: ETags that change on
 * every write, 412 on a stale If-Match or an If-None-Match on an existing object, 409
 * for a second object with a UID the collection already holds,
 * 404 for what is gone, and sync tokens over a change log. The property test runs
 * two devices against it; the real servers are tested in tests/sync.
 */
export class MemoryServer implements DavPort {
  readonly objects = new Map<string, { etag: string; data: string }>();
  private readonly log: { version: number; href: string }[] = [];
  private version = 0;

  put(href: string, body: string, _type: string, when: Precondition): Promise<PutResult> {
    const current = this.objects.get(path(href));
    const stale = 'etag' in when ? current?.etag !== when.etag : current !== undefined;
    if (stale) return Promise.resolve({ status: 412, etag: undefined });
    if (this.uidTaken(path(href), body)) return Promise.resolve({ status: 409, etag: undefined });
    const etag = `"${++this.version}"`;
    this.objects.set(path(href), { etag, data: body });
    this.log.push({ version: this.version, href: path(href) });
    return Promise.resolve({ status: current ? 204 : 201, etag });
  }

  remove(href: string, etag: string | undefined): Promise<number> {
    const current = this.objects.get(path(href));
    if (!current) return Promise.resolve(404);
    if (etag !== undefined && current.etag !== etag) return Promise.resolve(412);
    this.objects.delete(path(href));
    this.log.push({ version: ++this.version, href: path(href) });
    return Promise.resolve(204);
  }

  changesSince(collection: string, token: string): Promise<SyncAnswer | 'invalid'> {
    const since = token === '' ? 0 : Number(token);
    if (!Number.isInteger(since) || since > this.version) return Promise.resolve('invalid');
    const touched = new Set(
      this.log
        .filter((e) => e.version > since && e.href.startsWith(path(collection)))
        .map((e) => e.href),
    );
    const changed: Listed[] = [];
    const deleted: string[] = [];
    for (const href of token === '' ? this.inside(collection) : touched) {
      const object = this.objects.get(href);
      if (object) changed.push({ href, etag: object.etag });
      else deleted.push(href);
    }
    return Promise.resolve({ token: String(this.version), changed, deleted });
  }

  listEtags(collection: string): Promise<Listed[]> {
    return Promise.resolve(
      this.inside(collection).map((href) => ({ href, etag: this.objects.get(href)?.etag ?? '' })),
    );
  }

  /** A collection's mark is the last version that touched it; one never written is left out. */
  versionsIn(parent: string): Promise<Map<string, string>> {
    const versions = new Map<string, string>();
    const within = path(parent);
    for (const { version, href } of this.log) {
      if (!href.startsWith(within)) continue;
      const [member, ...rest] = href.slice(within.length).split('/');
      if (member && rest.length > 0) versions.set(`${within}${member}/`, String(version));
    }
    return Promise.resolve(versions);
  }

  fetchObjects(_collection: string, _kind: string, hrefs: string[]): Promise<Fetched[]> {
    return Promise.resolve(
      hrefs.flatMap((href) => {
        const object = this.objects.get(path(href));
        return object ? [{ href: path(href), ...object }] : [];
      }),
    );
  }

  /** Radicale and Xandikos refuse a second object with a UID the collection holds (409). */
  private uidTaken(href: string, body: string): boolean {
    const uid = uidOf(body);
    const collection = href.slice(0, href.lastIndexOf('/') + 1);
    return this.inside(collection).some(
      (other) => other !== href && uidOf(this.objects.get(other)?.data ?? '') === uid,
    );
  }

  private inside(collection: string): string[] {
    return [...this.objects.keys()].filter((href) => href.startsWith(path(collection)));
  }
}

function uidOf(text: string): string | undefined {
  return /^UID(?:;[^:\r\n]*)?:(.*)$/im.exec(text)?.[1]?.trim();
}

function path(href: string): string {
  return new URL(href, 'http://x').pathname;
}
