import { davRequest, propfind, type DAVResponse } from 'tsdav';

/**
 * The handful of DAV requests sync needs, over tsdav (fetch-based, so it runs in the
 * MV3 service worker, which has no XMLHttpRequest). The fetch is injected: the
 * background passes the global one; tests pass one that counts requests and bytes.
 * Every request carries the credentials and goes to the one configured server.
 */

export type Fetch = typeof fetch;

export interface DavAccount {
  /** The server as the user typed it, e.g. `https://dav.example.com/`. */
  server: string;
  user: string;
  password: string;
}

export interface PutResult {
  status: number;
  etag: string | undefined;
}

/** `If-Match: etag` for an update, `If-None-Match: *` for a create. */
export type Precondition = { etag: string } | { create: true };

export class DavClient {
  constructor(
    private readonly account: DavAccount,
    private readonly fetcher: Fetch = (input, init) => fetch(input, init),
  ) {}

  /** An absolute URL on the configured server; anything on another origin is refused. */
  url(href: string): string {
    const url = new URL(href, this.account.server);
    if (url.origin !== new URL(this.account.server).origin)
      throw new Error(`refused to follow a link off the server: ${url.origin}`);
    return url.href;
  }

  async propfind(href: string, props: Record<string, unknown>, depth: '0' | '1') {
    return propfind({
      url: this.url(href),
      props,
      depth,
      headers: this.auth(),
      fetch: this.fetcher,
    });
  }

  /** REPORT with a body in tsdav's compact XML form (see report-bodies). */
  async report(href: string, body: Record<string, unknown>, depth: '0' | '1') {
    return davRequest({
      url: this.url(href),
      init: { method: 'REPORT', namespace: 'd', headers: { ...this.auth(), depth }, body },
      fetch: this.fetcher,
    });
  }

  /** Extended MKCOL (RFC 5689) for an address book, MKCALENDAR for a calendar. */
  async makeCollection(
    href: string,
    type: 'addressbook' | 'calendar',
    displayName: string,
  ): Promise<DAVResponse[]> {
    const namespaces = {
      'xmlns:d': 'DAV:',
      'xmlns:card': 'urn:ietf:params:xml:ns:carddav',
      'xmlns:c': 'urn:ietf:params:xml:ns:caldav',
    };
    const body =
      type === 'addressbook'
        ? {
            'd:mkcol': {
              _attributes: namespaces,
              'd:set': {
                'd:prop': {
                  'd:resourcetype': { 'd:collection': {}, 'card:addressbook': {} },
                  'd:displayname': displayName,
                },
              },
            },
          }
        : {
            'c:mkcalendar': {
              _attributes: namespaces,
              'd:set': {
                'd:prop': {
                  'd:displayname': displayName,
                  'c:supported-calendar-component-set': {
                    'c:comp': [
                      { _attributes: { name: 'VTODO' } },
                      { _attributes: { name: 'VJOURNAL' } },
                    ],
                  },
                },
              },
            },
          };
    return davRequest({
      url: this.url(href),
      init: { method: type === 'addressbook' ? 'MKCOL' : 'MKCALENDAR', headers: this.auth(), body },
      fetch: this.fetcher,
    });
  }

  async put(
    href: string,
    body: string,
    contentType: string,
    when: Precondition,
  ): Promise<PutResult> {
    const response = await this.fetcher(this.url(href), {
      method: 'PUT',
      body,
      headers: {
        ...this.auth(),
        'content-type': `${contentType}; charset=utf-8`,
        ...('etag' in when ? { 'if-match': when.etag } : { 'if-none-match': '*' }),
      },
    });
    await response.arrayBuffer();
    return { status: response.status, etag: response.headers.get('etag') ?? undefined };
  }

  async remove(href: string, etag: string | undefined): Promise<number> {
    const response = await this.fetcher(this.url(href), {
      method: 'DELETE',
      headers: { ...this.auth(), ...(etag ? { 'if-match': etag } : {}) },
    });
    await response.arrayBuffer();
    return response.status;
  }

  private auth(): Record<string, string> {
    const bytes = new TextEncoder().encode(`${this.account.user}:${this.account.password}`);
    return { authorization: `Basic ${btoa(String.fromCharCode(...bytes))}` };
  }
}

/** A fetch that counts what it sends and receives: requests, and bytes both ways. */
export function countingFetch(inner: Fetch = (input, init) => fetch(input, init)) {
  const counts = { requests: 0, bytesSent: 0, bytesReceived: 0 };
  const wrapped: Fetch = async (input, init) => {
    counts.requests += 1;
    if (typeof init?.body === 'string')
      counts.bytesSent += new TextEncoder().encode(init.body).length;
    const response = await inner(input, init);
    const body = await response.arrayBuffer();
    counts.bytesReceived += body.byteLength;
    return new Response(response.status === 204 || response.status === 304 ? null : body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  return { fetch: wrapped, counts };
}
