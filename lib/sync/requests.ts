/**
 * Request bodies for discovery and sync, in tsdav's compact XML form (element
 * names as keys, `_attributes` for attributes). Namespace prefixes: `d` DAV:,
 * `card` CardDAV, `c` CalDAV — the ones tsdav's propfind declares.
 */

const NAMESPACES = {
  'xmlns:d': 'DAV:',
  'xmlns:card': 'urn:ietf:params:xml:ns:carddav',
  'xmlns:c': 'urn:ietf:params:xml:ns:caldav',
};

/** Step 1, on `/.well-known/carddav` (or caldav), then the server's root. */
export const PRINCIPAL_PROPS = { 'd:current-user-principal': {} };

/** Step 2, on the principal. */
export const HOME_PROPS = {
  'card:addressbook-home-set': {},
  'c:calendar-home-set': {},
};

/** Step 3, Depth 1 on each home: the collections the user can choose. */
export const COLLECTION_PROPS = {
  'd:resourcetype': {},
  'd:displayname': {},
  'd:sync-token': {},
  'card:supported-address-data': {},
  'c:supported-calendar-component-set': {},
};

export const ETAG_PROPS = { 'd:getetag': {} };

/**
 * Depth 1 on the parent of both collections: each one's current sync-token (RFC 6578
 * makes it a property too), so one request tells whether either changed. Nothing
 * else is asked: the answer names every collection in the parent, and stays small.
 */
export const VERSION_PROPS = { 'd:sync-token': {} };

/** RFC 6578 sync-collection; an empty token asks for everything. */
export function syncCollectionBody(token: string) {
  return {
    'sync-collection': {
      _attributes: NAMESPACES,
      'sync-token': token,
      'sync-level': 1,
      'd:prop': ETAG_PROPS,
    },
  };
}

/** addressbook-multiget (RFC 6352) or calendar-multiget (RFC 4791) of known hrefs. */
export function multigetBody(kind: 'addressbook' | 'calendar', hrefs: readonly string[]) {
  const [root, data] =
    kind === 'addressbook'
      ? ['card:addressbook-multiget', 'card:address-data']
      : ['c:calendar-multiget', 'c:calendar-data'];
  return {
    [root]: {
      _attributes: NAMESPACES,
      'd:prop': { 'd:getetag': {}, [data]: {} },
      'd:href': [...hrefs],
    },
  };
}
