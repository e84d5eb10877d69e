import { z } from 'zod';
import { lazy } from '../domain/lazy';

/**
 * Readers for the multistatus answers tsdav hands back (XML already turned into
 * camel-cased objects). Servers differ in what they include, so everything is
 * parsed with zod and anything unexpected reads as "absent", never as a crash.
 * tsdav turns numeric-looking text into numbers, so ids are read as text either way.
 */

const text = lazy(() => z.union([z.string(), z.number()]).transform(String));
const hrefHolder = lazy(() => z.object({ href: text }).partial());

const ResponseSchema = lazy(() =>
  z.object({
    href: text.optional(),
    status: z.number().optional(),
    ok: z.boolean().optional(),
    props: z.record(z.string(), z.unknown()).optional(),
    raw: z.unknown().optional(),
  }),
);
type DavAnswer = z.infer<typeof ResponseSchema>;

function answers(value: unknown): DavAnswer[] {
  const parsed = z.array(z.unknown()).safeParse(value);
  if (!parsed.success) return [];
  return parsed.data.flatMap((item) => {
    const one = ResponseSchema.safeParse(item);
    return one.success ? [one.data] : [];
  });
}

function prop<T>(answer: DavAnswer | undefined, name: string, schema: z.ZodType<T>): T | undefined {
  const parsed = schema.safeParse(answer?.props?.[name]);
  return parsed.success ? parsed.data : undefined;
}

/** The first failing status of a request, when the whole request failed. */
export function failedStatus(value: unknown): number | undefined {
  const all = answers(value);
  const first = all[0];
  if (all.length === 1 && first && first.ok === false && first.props === undefined)
    return first.status;
  return undefined;
}

export function principalFrom(value: unknown): string | undefined {
  return prop(answers(value)[0], 'currentUserPrincipal', hrefHolder)?.href;
}

export interface Homes {
  addressbookHome?: string | undefined;
  calendarHome?: string | undefined;
}

export function homesFrom(value: unknown): Homes {
  const first = answers(value)[0];
  return {
    addressbookHome: prop(first, 'addressbookHomeSet', hrefHolder)?.href,
    calendarHome: prop(first, 'calendarHomeSet', hrefHolder)?.href,
  };
}

export interface Collection {
  href: string;
  type: 'addressbook' | 'calendar';
  displayName: string;
  syncToken: string | undefined;
  /** vCard versions the server lists in supported-address-data (none listed: any). */
  cardVersions: string[];
  /** Components a calendar takes (none listed: any). */
  components: string[];
}

const many = <T extends z.ZodType>(item: T) =>
  z.union([z.array(item), item.transform((one) => [one])]);
const ContentTypes = lazy(() =>
  z.object({
    contentType: many(z.object({ _attributes: z.object({ version: text }).partial() })),
  }),
);
const Components = lazy(() =>
  z.object({
    comp: many(z.object({ _attributes: z.object({ name: text }) })),
  }),
);

/** The address books and calendars in a Depth 1 PROPFIND of a home. */
export function collectionsFrom(value: unknown): Collection[] {
  return answers(value).flatMap((answer): Collection[] => {
    const types = prop(answer, 'resourcetype', z.record(z.string(), z.unknown())) ?? {};
    const type =
      'addressbook' in types ? 'addressbook' : 'calendar' in types ? 'calendar' : undefined;
    if (!type || !answer.href) return [];
    const versions = prop(answer, 'supportedAddressData', ContentTypes)?.contentType ?? [];
    const components = prop(answer, 'supportedCalendarComponentSet', Components)?.comp ?? [];
    return [
      {
        href: answer.href,
        type,
        displayName: prop(answer, 'displayname', text) ?? '',
        syncToken: prop(answer, 'syncToken', text),
        cardVersions: versions.flatMap((v) =>
          v._attributes.version ? [v._attributes.version] : [],
        ),
        components: components.map((c) => c._attributes.name.toUpperCase()),
      },
    ];
  });
}

export interface Listed {
  href: string;
  etag: string;
}

export interface SyncAnswer {
  token: string | undefined;
  changed: Listed[];
  deleted: string[];
}

const TokenHolder = lazy(() => z.object({ multistatus: z.object({ syncToken: text }) }));

/** A sync-collection REPORT (RFC 6578): what changed, what went, and the new token. */
export function syncAnswerFrom(value: unknown): SyncAnswer {
  const all = answers(value);
  const token = all.map((a) => TokenHolder.safeParse(a.raw)).find((p) => p.success)?.data
    ?.multistatus.syncToken;
  const changed: Listed[] = [];
  const deleted: string[] = [];
  for (const answer of all) {
    if (!answer.href) continue;
    if (answer.status === 404) deleted.push(answer.href);
    else {
      const etag = prop(answer, 'getetag', text);
      if (etag) changed.push({ href: answer.href, etag });
    }
  }
  return { token, changed, deleted };
}

/** A Depth 1 PROPFIND of getetag: every object in the collection, for servers without tokens. */
export function etagListingFrom(value: unknown, collectionHref: string): Listed[] {
  const collectionPath = new URL(collectionHref, 'http://x').pathname;
  return answers(value).flatMap((answer) => {
    const etag = prop(answer, 'getetag', text);
    if (!answer.href || !etag) return [];
    if (new URL(answer.href, 'http://x').pathname === collectionPath) return [];
    return [{ href: answer.href, etag }];
  });
}

/**
 * A Depth 1 PROPFIND of VERSION_PROPS: each collection's sync-token, by path. One
 * without it is left out (it is then pulled every round, as without the probe).
 */
export function collectionVersionsFrom(value: unknown): Map<string, string> {
  const versions = new Map<string, string>();
  for (const answer of answers(value)) {
    const mark = prop(answer, 'syncToken', text);
    if (answer.href && mark) versions.set(pathOf(answer.href), mark);
  }
  return versions;
}

/** Servers answer with paths (some percent-encoded), the engine knows URLs: compare paths. */
export function pathOf(href: string): string {
  return decodeURIComponent(new URL(href, 'http://x').pathname);
}

export interface Fetched extends Listed {
  data: string;
}

/** An addressbook-multiget / calendar-multiget: the objects found (missing ones are left out). */
export function multigetFrom(value: unknown): Fetched[] {
  return answers(value).flatMap((answer) => {
    const etag = prop(answer, 'getetag', text);
    const data = prop(answer, 'addressData', text) ?? prop(answer, 'calendarData', text);
    if (!answer.href || !etag || data === undefined || answer.status === 404) return [];
    return [{ href: answer.href, etag, data }];
  });
}
