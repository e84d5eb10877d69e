// @vitest-environment node
import { it } from 'vitest';
import { startDavServer } from '../../scripts/dav-servers.mjs';
import { DavClient } from '../../lib/sync/dav-client';
it.each(['radicale', 'xandikos'] as const)('explore %s', async (kind) => {
  const s = await startDavServer(kind);
  try {
    const c = new DavClient({ server: s.base + '/', user: s.user, password: s.password });
    const log = (x: unknown) => console.log(kind, JSON.stringify(x, null, 0).slice(0, 1500));
    const wk = await c.propfind('/.well-known/carddav', { 'd:current-user-principal': {} }, '0');
    log(wk);
    const p = wk[0]?.props?.currentUserPrincipal?.href ?? '/';
    const homes = await c.propfind(p, { 'd:current-user-principal': {}, 'card:addressbook-home-set': {}, 'c:calendar-home-set': {} }, '0');
    log(homes);
    const home = homes[0]?.props?.addressbookHomeSet?.href;
    const chome = homes[0]?.props?.calendarHomeSet?.href;
    log(await c.makeCollection(home + 'clientele-book/', 'addressbook', 'Clientele'));
    log(await c.makeCollection(chome + 'clientele-tasks/', 'calendar', 'Clientele tasks'));
    log(await c.propfind(home, { 'd:resourcetype': {}, 'd:displayname': {}, 'd:sync-token': {}, 'card:supported-address-data': {}, 'd:supported-report-set': {} }, '1'));
    log(await c.propfind(chome, { 'd:resourcetype': {}, 'd:displayname': {}, 'd:sync-token': {}, 'c:supported-calendar-component-set': {} }, '1'));
    const r = await c.put(home + 'clientele-book/x1.vcf', 'BEGIN:VCARD\r\nVERSION:4.0\r\nUID:x1\r\nFN:X One\r\nEND:VCARD\r\n', 'text/vcard', { create: true });
    log(r);
    log(await c.put(home + 'clientele-book/x1.vcf', 'BEGIN:VCARD\r\nVERSION:4.0\r\nUID:x1\r\nFN:X One\r\nEND:VCARD\r\n', 'text/vcard', { create: true }));
    const sc = await c.report(home + 'clientele-book/', { 'sync-collection': { _attributes: { 'xmlns:d': 'DAV:', 'xmlns:card': 'urn:ietf:params:xml:ns:carddav' }, 'sync-token': '', 'sync-level': 1, prop: { 'd:getetag': {} } } }, '0');
    log(sc);
    const tok = (sc[0]?.raw as any)?.multistatus?.syncToken;
    const sc2 = await c.report(home + 'clientele-book/', { 'sync-collection': { _attributes: { 'xmlns:d': 'DAV:' }, 'sync-token': tok, 'sync-level': 1, prop: { 'd:getetag': {} } } }, '0');
    log(sc2);
    const sc3 = await c.report(home + 'clientele-book/', { 'sync-collection': { _attributes: { 'xmlns:d': 'DAV:' }, 'sync-token': 'http://bogus/token/1', 'sync-level': 1, prop: { 'd:getetag': {} } } }, '0');
    log(sc3);
    const mg = await c.report(home + 'clientele-book/', { 'card:addressbook-multiget': { _attributes: { 'xmlns:d': 'DAV:', 'xmlns:card': 'urn:ietf:params:xml:ns:carddav' }, 'd:prop': { 'd:getetag': {}, 'card:address-data': {} }, 'd:href': [home + 'clientele-book/x1.vcf', home + 'clientele-book/gone.vcf'] } }, '1');
    log(mg);
  } finally { await s.stop(); }
}, 60000);
