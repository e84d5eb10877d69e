import { describe, expect, it } from 'vitest';
import { cardVersionFor } from './discovery';
import {
  collectionVersionsFrom,
  collectionsFrom,
  failedStatus,
  homesFrom,
  multigetFrom,
  syncAnswerFrom,
} from './dav-responses';

// Shapes as tsdav hands them back from Radicale 3.1 and Xandikos 0.2 (recorded on loopback).
const ok = { status: 207, ok: true };

describe('DAV answers', () => {
  it('reads the home sets, wherever each server puts them', () => {
    const xandikos = [
      {
        ...ok,
        href: '/alice/',
        props: {
          addressbookHomeSet: { href: '/alice/contacts/' },
          calendarHomeSet: { href: '/alice/calendars/' },
        },
      },
    ];
    expect(homesFrom(xandikos)).toEqual({
      addressbookHome: '/alice/contacts/',
      calendarHome: '/alice/calendars/',
    });
    expect(homesFrom([{ ...ok, props: {} }])).toEqual({
      addressbookHome: undefined,
      calendarHome: undefined,
    });
    expect(homesFrom('garbage')).toEqual({ addressbookHome: undefined, calendarHome: undefined });
  });

  it('lists address books and calendars with their tokens, vCard versions and components', () => {
    const answer = [
      {
        ...ok,
        href: '/alice/contacts/',
        props: { resourcetype: { collection: {} }, displayname: 'contacts' },
      },
      {
        ...ok,
        href: '/alice/contacts/book/',
        props: {
          resourcetype: { collection: {}, addressbook: {} },
          displayname: 'Clientele',
          syncToken: 1234,
          supportedAddressData: {
            contentType: { _attributes: { 'content-type': 'text/vcard', version: '3.0' } },
          },
        },
      },
      {
        ...ok,
        href: '/alice/tasks/',
        props: {
          resourcetype: { collection: {}, calendar: {} },
          supportedCalendarComponentSet: {
            comp: [{ _attributes: { name: 'VTODO' } }, { _attributes: { name: 'VJOURNAL' } }],
          },
        },
      },
    ];
    const [book, tasks, ...rest] = collectionsFrom(answer);
    expect(rest).toEqual([]);
    // tsdav turns numeric text into numbers; a token is text all the same.
    expect(book).toEqual({
      href: '/alice/contacts/book/',
      type: 'addressbook',
      displayName: 'Clientele',
      syncToken: '1234',
      cardVersions: ['3.0'],
      components: [],
    });
    expect(cardVersionFor(book!)).toBe('3.0');
    expect(cardVersionFor({ cardVersions: [] })).toBe('4.0');
    expect(tasks).toMatchObject({ type: 'calendar', components: ['VTODO', 'VJOURNAL'] });
  });

  it('reads a sync-collection answer: changed, deleted and the new token', () => {
    const raw = { multistatus: { syncToken: 'http://radicale.org/ns/sync/abc' } };
    const answer = [
      { ...ok, raw, href: '/alice/book/a.vcf', status: 200, props: { getetag: '"1"' } },
      { raw, href: '/alice/book/b.vcf', status: 404, ok: false, props: {} },
    ];
    expect(syncAnswerFrom(answer)).toEqual({
      token: 'http://radicale.org/ns/sync/abc',
      changed: [{ href: '/alice/book/a.vcf', etag: '"1"' }],
      deleted: ['/alice/book/b.vcf'],
    });
    expect(syncAnswerFrom([{ ...ok, raw }])).toEqual({
      token: 'http://radicale.org/ns/sync/abc',
      changed: [],
      deleted: [],
    });
  });

  it('leaves objects a multiget did not find out, and tells a failed request apart', () => {
    const answer = [
      { ...ok, href: '/b/x.vcf', props: { getetag: '"2"', addressData: 'BEGIN:VCARD…' } },
      { href: '/b/gone.vcf', status: 404, ok: false, props: {} },
    ];
    expect(multigetFrom(answer)).toEqual([{ href: '/b/x.vcf', etag: '"2"', data: 'BEGIN:VCARD…' }]);
    expect(failedStatus([{ href: 'http://x/b/', ok: false, status: 403, raw: '<error/>' }])).toBe(
      403,
    );
    expect(failedStatus(answer)).toBeUndefined();
  });

  it("reads each collection's sync-token from a Depth 1 listing of their parent", () => {
    const radicale = [
      { ...ok, href: '/alice/', props: {} },
      { ...ok, href: '/alice/book/', props: { syncToken: 'http://radicale.org/ns/sync/e3b0' } },
      { ...ok, href: '/alice/My%20Tasks/', props: { syncToken: 'http://radicale.org/ns/sync/9f' } },
    ];
    expect(collectionVersionsFrom(radicale)).toEqual(
      new Map([
        ['/alice/book/', 'http://radicale.org/ns/sync/e3b0'],
        ['/alice/My Tasks/', 'http://radicale.org/ns/sync/9f'],
      ]),
    );
    // Xandikos gives its homes a token too; tsdav turns an all-digit token into a number.
    const xandikos = [
      { ...ok, href: '/alice/contacts/', props: { syncToken: '4b825dc6' } },
      { ...ok, href: '/alice/contacts/book/', props: { syncToken: 8834 } },
    ];
    expect(collectionVersionsFrom(xandikos).get('/alice/contacts/book/')).toBe('8834');
    expect(collectionVersionsFrom([{ href: '/x/', status: 404, ok: false, props: {} }])).toEqual(
      new Map(),
    );
  });
});
