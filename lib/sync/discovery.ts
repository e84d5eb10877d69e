import { SyncFailure, failureOf } from './backoff';
import type { DavClient } from './dav-client';
import { isTimeout } from './dav-port';
import {
  collectionsFrom,
  failedStatus,
  homesFrom,
  principalFrom,
  type Collection,
  type Homes,
} from './dav-responses';
import { COLLECTION_PROPS, HOME_PROPS, PRINCIPAL_PROPS } from './requests';
import type { CardVersion } from './party-card';

/**
 * Finding the user's address books and calendars (RFC 6764, 6352, 4791):
 * `/.well-known/carddav` → current-user-principal → addressbook-home-set and
 * calendar-home-set → the collections in each home.
 */
export interface Discovered extends Homes {
  principal: string;
  addressbooks: Collection[];
  calendars: Collection[];
}

async function ask(request: () => Promise<unknown>): Promise<unknown> {
  let answer: unknown;
  try {
    answer = await request();
  } catch (error) {
    throw new SyncFailure(isTimeout(error) ? 'timeout' : 'offline');
  }
  const status = failedStatus(answer);
  if (status !== undefined && (status === 401 || status === 403))
    throw new SyncFailure(failureOf(status), status);
  return answer;
}

export async function discover(client: DavClient): Promise<Discovered> {
  let principal: string | undefined;
  for (const start of ['/.well-known/carddav', '/.well-known/caldav', '']) {
    principal = principalFrom(
      await ask(() => client.propfind(start || client.url(''), PRINCIPAL_PROPS, '0')),
    );
    if (principal) break;
  }
  if (!principal) throw new SyncFailure('server');
  const homes = homesFrom(await ask(() => client.propfind(principal, HOME_PROPS, '0')));
  const list = async (home: string | undefined) =>
    home ? collectionsFrom(await ask(() => client.propfind(home, COLLECTION_PROPS, '1'))) : [];
  const inAddressbookHome = await list(homes.addressbookHome);
  const inCalendarHome =
    homes.calendarHome === homes.addressbookHome
      ? inAddressbookHome
      : await list(homes.calendarHome);
  return {
    principal,
    ...homes,
    addressbooks: inAddressbookHome.filter((c) => c.type === 'addressbook'),
    calendars: inCalendarHome.filter(
      (c) =>
        c.type === 'calendar' &&
        (c.components.length === 0 ||
          (c.components.includes('VTODO') && c.components.includes('VJOURNAL'))),
    ),
  };
}

/** Creates `name/` in a home; a collection already there is fine. */
export async function createCollection(
  client: DavClient,
  home: string,
  type: 'addressbook' | 'calendar',
  name: string,
  displayName: string,
): Promise<string> {
  const href = new URL(`${encodeURIComponent(name)}/`, client.url(home)).href;
  const answer = await ask(() => client.makeCollection(href, type, displayName));
  const status = failedStatus(answer);
  if (status !== undefined && status !== 405) throw new SyncFailure(failureOf(status), status);
  return href;
}

/** vCard 4.0 unless the address book lists only 3.0 (Xandikos does). */
export function cardVersionFor(collection: Pick<Collection, 'cardVersions'>): CardVersion {
  const versions = collection.cardVersions;
  return versions.length > 0 && !versions.includes('4.0') ? '3.0' : '4.0';
}
