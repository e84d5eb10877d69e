// Runs inside headless Chromium: the page-side half of the search benchmark.
// On a web page it compares our search with MiniSearch, Fuse.js and a linear scan;
// on an extension page (a copy of the built extension) it seeds the records store
// and mounts the search panel, so the runner can time the whole path.
// First, as in every extension page: zod must not probe for eval under the page's CSP.
import '../lib/domain/zod-jitless';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { h, render } from 'preact';
import { browser } from 'wxt/browser';
import { SearchPanel } from '../entrypoints/popup/SearchPanel';
import { openDB } from 'idb';
import { createDbOpener } from '../lib/db/open';
import { DB_NAME } from '../lib/db/schema';
import { bucketsOf, replaceProjection } from '../lib/db/search-projection';
import type { SearchRow } from '../lib/db/search-row';
import { foldText } from '../lib/domain/fold';
import { PartySchema, type Party } from '../lib/domain/party';
import { findPartiesByContacts, readByContacts } from '../lib/db/party-repository';
import { refreshKinds } from '../lib/db/contact-kinds';
import { knownTexts } from '../lib/findings/page-contacts';
import { PageFindingsSchema } from '../lib/protocol/contact-schemas';
import { CHANNEL, ReplySchema } from '../lib/protocol/envelope';
import { messages } from '../lib/protocol/messages';
import { generateRows, mulberry32 } from '../tests/support/generated-rows';
import { isAscii, spellLatin } from '../lib/search/latin';
import { prepareQuery } from '../lib/search/query';
import { readProjection } from '../lib/search/read-projection';
import { SEARCH_BUCKETS, type BucketColumns } from '../lib/search/projection-format';
import { SearchBook } from '../lib/search/search-book';
import { indexSource } from '../lib/search/search-index';
import { Top } from '../lib/search/top';

const SEED = 20261123;
const TOP = 5;

type Category = 'prefix' | 'typo' | 'word order' | 'diacritics' | 'email fragment' | 'phone digits';
interface BenchQuery {
  category: Category;
  query: string;
  /** The record the user is looking for. */
  target: string;
}

/** As the popup receives them: through a message, so every string is fresh and flat. */
function bookOf(count: number): SearchRow[] {
  return JSON.parse(JSON.stringify(generateRows(count, SEED))) as SearchRow[];
}

const fold = (text: string) => spellLatin(foldText(text));
const digitsOf = (text: string) => text.replace(/\D/g, '');

/**
 * Queries a person would type to find one record, each of which names that record
 * alone (a name shared by two people cannot have a single intended record).
 */
export function buildQueries(rows: readonly SearchRow[], perCategory = 10): BenchQuery[] {
  const random = mulberry32(99);
  const order = rows.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const count = new Map<string, number>();
  const bump = (key: string) => count.set(key, (count.get(key) ?? 0) + 1);
  const names = rows.map((row) => fold(row.name).split(' '));
  for (const words of names) {
    bump(`name:${words.join(' ')}`);
    if (words.length === 2) bump(`prefix:${words[0]} ${words[1]!.slice(0, 4)}`);
  }
  const allEmails = rows.flatMap((row) => row.emails);
  const allPhones = rows.flatMap((row) => row.phones.map(digitsOf));
  const unique = (key: string) => count.get(key) === 1;

  const queries: BenchQuery[] = [];
  const want = (category: Category) =>
    queries.filter((q) => q.category === category).length < perCategory;
  for (const i of order) {
    const row = rows[i]!;
    const words = names[i]!;
    const person = row.type === 'person' && words.length === 2;
    const [first, last] = words as [string, string];
    const add = (category: Category, query: string) =>
      queries.push({ category, query, target: row.id });
    if (person && want('prefix') && unique(`prefix:${first} ${last.slice(0, 4)}`)) {
      const typed = row.name.toLowerCase().split(' ');
      add('prefix', `${typed[0]} ${typed[1]!.slice(0, 4)}`);
    } else if (person && want('typo') && unique(`name:${first} ${last}`) && last.length >= 5) {
      if (last[2] !== last[3])
        add('typo', `${first} ${last.slice(0, 2)}${last[3]}${last[2]}${last.slice(4)}`);
    } else if (person && want('word order') && unique(`name:${first} ${last}`)) {
      add('word order', `${last} ${first}`);
    } else if (
      person &&
      want('diacritics') &&
      !isAscii(row.name) &&
      unique(`name:${first} ${last}`)
    ) {
      add('diacritics', `${first} ${last}`);
    } else if (want('email fragment') && row.emails[0]) {
      const [local, domain] = row.emails[0].split('@') as [string, string];
      const fragment = `${local}@${domain.slice(0, 3)}`;
      if (allEmails.filter((email) => email.includes(fragment)).length === 1)
        add('email fragment', fragment);
    } else if (want('phone digits') && row.phones[0]) {
      const digits = digitsOf(row.phones[0]);
      const last7 = digits.slice(-7);
      if (allPhones.filter((phone) => phone.includes(last7)).length !== 1) continue;
      const national = digits.startsWith('1') ? digits.slice(1) : digits.slice(2);
      const written =
        queries.length % 2 === 0
          ? `${last7.slice(0, 3)} ${last7.slice(3)}`
          : digits.startsWith('1')
            ? `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`
            : `+${digits.slice(0, 2)} ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`;
      add('phone digits', written);
    }
    if (queries.length === perCategory * 6) break;
  }
  return queries;
}

type Searcher = (query: string, limit: number) => string[];
/** Which part of ours found the record a query looks for. */
type Part = 'phone digits' | 'exact substring scan' | 'uFuzzy typo pass' | 'not found';
interface Engine {
  name: string;
  /** What the engine starts from besides the rows, made before the timing (as stored). */
  stored?(rows: readonly SearchRow[]): unknown;
  build(rows: readonly SearchRow[], stored: unknown): Searcher;
  /** Ours only: which of its parts found `target` for `query` (outside the timing). */
  answeredBy?(rows: readonly SearchRow[], stored: unknown): (query: string, target: string) => Part;
}

/** What the other engines get: the same folding, and digits alone for a phone. */
function prepared(query: string): string {
  const folded = fold(query);
  return /^[\d\s()+.\-/]+$/.test(folded) ? digitsOf(folded) : folded;
}
/** Phones as whole-token engines can find them: in full, and their last 10 and 7 digits. */
const phoneTokens = (row: SearchRow) =>
  row.phones
    .map(digitsOf)
    .flatMap((d) => [d, d.slice(-10), d.slice(-7)])
    .join(' ');

/** A generated row as the party it stands for. */
function partyOf(row: SearchRow): Party {
  return PartySchema.parse({
    id: row.id,
    type: row.type,
    name: row.name,
    kind: row.kind,
    kindHistory: [{ kind: row.kind, at: 0 }],
    emails: row.emails,
    phones: row.phones,
    domains: [],
    organizationName: row.organization,
    tags: [],
    notes: '',
    lastInteractionAt: row.lastInteractionAt,
    createdAt: 0,
    updatedAt: 0,
  });
}

interface MiniDoc {
  i: number;
  name: string;
  org: string;
  emails: string;
  phones: string;
}
const MINI_OPTIONS = {
  idField: 'i',
  fields: ['name', 'org', 'emails', 'phones'],
  processTerm: (term: string) => fold(term),
  searchOptions: {
    prefix: true,
    fuzzy: 0.2,
    combineWith: 'AND' as const,
    boost: { name: 3 },
  },
};

const NOTHING_TO_LOAD = { load: () => Promise.resolve([]), close: () => undefined };

/** Our index over the stored parts, and the record id at each of its positions. */
function oursFrom(stored: unknown) {
  const parts = stored as ReturnType<BucketColumns['pack']>[];
  const book = SearchBook.fromParts(
    parts.map(([find]) => find),
    NOTHING_TO_LOAD,
  )!;
  // The popup reads these after its first answer; phone queries need them.
  book.addShows(parts.map(([, show]) => show));
  // The book's rows are its buckets' rows, in the order of the parts.
  return { index: indexSource(book), ids: parts.flatMap(([, show]) => show.ids) };
}

/** MiniSearch's documents for the rows. */
const miniDocs = (rows: readonly SearchRow[]): MiniDoc[] =>
  rows.map((row, i) => ({
    i,
    name: row.name,
    org: row.organization ?? '',
    emails: row.emails.join(' '),
    phones: phoneTokens(row),
  }));

const miniSearcher =
  (rows: readonly SearchRow[], search: MiniSearch<MiniDoc>): Searcher =>
  (query, limit) =>
    search
      .search(prepared(query))
      .slice(0, limit)
      .map((hit) => rows[hit.id as number]!.id);

const ENGINES: Engine[] = [
  {
    // From what the popup reads: the projection's parts as stored (packed when the
    // background writes them, so outside the timing), to an index and an answer. An
    // exact substring scan (and phone digits), with uFuzzy's typo pass only when
    // fewer than 3 rows match as typed (lib/search/search-index.ts).
    name: 'ours (exact scan, uFuzzy below 3 hits)',
    stored: (rows) => bucketsOf(rows.map(partyOf)).map((columns) => columns.pack('bench')),
    build(_rows, stored) {
      const { index, ids } = oursFrom(stored);
      return (query, limit) => index.search(query, limit).map((i) => ids[i]!);
    },
    answeredBy(_rows, stored) {
      const { index, ids } = oursFrom(stored);
      return (query, target) => {
        const asTyped = index.searchAsTyped(query, TOP).found.map((i) => ids[i]!);
        if (asTyped.includes(target)) {
          const prepared = prepareQuery(query);
          return prepared.kind !== 'empty' && prepared.digits !== undefined
            ? 'phone digits'
            : 'exact substring scan';
        }
        return index
          .search(query, TOP)
          .map((i) => ids[i]!)
          .includes(target)
          ? 'uFuzzy typo pass'
          : 'not found';
      };
    },
  },
  {
    name: 'linear includes',
    build(rows) {
      const haystack = rows.map((row) => `${fold(row.text)} ${row.phones.map(digitsOf).join(' ')}`);
      const lastAt = rows.map((row) => row.lastInteractionAt ?? -Infinity);
      return (query, limit) => {
        const terms = prepared(query).split(' ').filter(Boolean);
        const top = new Top(limit, (a, b) => lastAt[b]! - lastAt[a]! || a - b);
        scan: for (let i = 0; i < haystack.length; i++) {
          for (const term of terms) if (!haystack[i]!.includes(term)) continue scan;
          top.offer(i);
        }
        return top.items.map((i) => rows[i]!.id);
      };
    },
  },
  {
    // As ours reads its stored projection, MiniSearch loads its stored index
    // (`loadJSON`; serialised outside the timing), instead of indexing the rows anew.
    name: 'MiniSearch (loadJSON)',
    stored(rows) {
      const search = new MiniSearch<MiniDoc>(MINI_OPTIONS);
      search.addAll(miniDocs(rows));
      return JSON.stringify(search);
    },
    build: (rows, stored) =>
      miniSearcher(rows, MiniSearch.loadJSON<MiniDoc>(stored as string, MINI_OPTIONS)),
  },
  {
    // The same engine indexing the rows from scratch, as a page with no stored index would.
    name: 'MiniSearch (built from rows)',
    build(rows) {
      const search = new MiniSearch<MiniDoc>(MINI_OPTIONS);
      search.addAll(miniDocs(rows));
      return miniSearcher(rows, search);
    },
  },
  {
    name: 'Fuse.js',
    build(rows) {
      const fuse = new Fuse(
        rows.map((row) => ({
          name: row.name,
          org: row.organization ?? '',
          emails: row.emails,
          phones: phoneTokens(row),
        })),
        {
          keys: [{ name: 'name', weight: 3 }, 'org', 'emails', 'phones'],
          ignoreDiacritics: true,
          ignoreLocation: true,
          // Space-separated words match each on their own, in any order.
          useExtendedSearch: true,
        },
      );
      return (query, limit) =>
        fuse.search(prepared(query), { limit }).map((hit) => rows[hit.refIndex]!.id);
    },
  },
];

const percentile = (samples: number[], p: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const median = (samples: number[]) => percentile(samples, 50);

/** Lets the page breathe between engines: collected garbage is not charged to the next. */
const settle = () => new Promise((done) => setTimeout(done, 50));

export async function compare(count = 50_000, options: { typingQueries?: number } = {}) {
  const rows = bookOf(count);
  const queries = buildQueries(rows);
  const typing = (
    ['prefix', 'typo', 'word order', 'diacritics', 'email fragment', 'phone digits'] as const
  ).flatMap((category) =>
    queries.filter((q) => q.category === category).slice(0, options.typingQueries ?? 1),
  );
  const firstQuery = queries[0]!.query.slice(0, 1);
  const engines: Record<string, unknown> = {};

  for (const engine of ENGINES) {
    await settle();
    const stored = engine.stored?.(rows);
    // (a) From having the rows to the first answer: build, then one keystroke.
    const builds: number[] = [];
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      engine.build(rows, stored)(firstQuery, TOP);
      builds.push(performance.now() - start);
      await settle();
    }
    const search = engine.build(rows, stored);
    search('warm up', TOP);

    // (b) Each query on its own, after an unrelated one (no help from the one before).
    const isolated: number[] = [];
    const hits: Record<string, { hit: number; of: number }> = {};
    const missed: string[] = [];
    // Fuse.js takes ~100× longer per query: one round is enough to place it.
    const rounds = engine.name === 'Fuse.js' ? 1 : 3;
    for (let round = 0; round < rounds; round++) {
      for (const { query, target, category } of queries) {
        search('qz', TOP);
        const start = performance.now();
        const found = search(query, TOP);
        isolated.push(performance.now() - start);
        if (round > 0) continue;
        // (c) Is the record the user wants among the first five?
        const tally = (hits[category] ??= { hit: 0, of: 0 });
        tally.of++;
        if (found.includes(target)) tally.hit++;
        else missed.push(query);
      }
    }
    // (b') Typing: every keystroke of a query, one after another, as in the popup.
    const keystrokes: number[] = [];
    for (const { query } of typing) {
      search('qz', TOP);
      for (let end = 1; end <= query.length; end++) {
        const start = performance.now();
        search(query.slice(0, end), TOP);
        keystrokes.push(performance.now() - start);
      }
    }
    const total = Object.values(hits).reduce((sum, t) => sum + t.hit, 0);
    // Ours: which part found each query's record (counted apart from the timing).
    let answeredBy: Record<string, number> | undefined;
    if (engine.answeredBy) {
      const partOf = engine.answeredBy(rows, stored);
      answeredBy = {};
      for (const { query, target } of queries) {
        const part = partOf(query, target);
        answeredBy[part] = (answeredBy[part] ?? 0) + 1;
      }
    }
    engines[engine.name] = {
      ...(answeredBy && { answeredBy }),
      buildAndFirstMs: median(builds),
      isolatedP50Ms: percentile(isolated, 50),
      isolatedP95Ms: percentile(isolated, 95),
      typingP50Ms: percentile(keystrokes, 50),
      typingP95Ms: percentile(keystrokes, 95),
      hitRate: total / queries.length,
      hitsByCategory: Object.fromEntries(
        Object.entries(hits).map(([category, t]) => [category, `${t.hit}/${t.of}`]),
      ),
      missed,
    };
  }
  return {
    rows: count,
    queries: queries.length,
    keystrokes: typing.reduce((sum, q) => sum + q.query.length, 0),
    firstQuery,
    sampleQueries: queries.filter((_, i) => i % 10 === 0).map((q) => `${q.category}: ${q.query}`),
    engines,
  };
}

/**
 * Extension page only: writes `count` parties in chunked transactions, and their
 * search projection with the last one (bench set-up, not the product's path).
 * Returns a query that names one record, and that record's id.
 */
export async function seed(count = 50_000) {
  const rows = bookOf(count);
  const parties = rows.map(partyOf);
  const getDb = createDbOpener();
  const db = await getDb();
  const start = performance.now();
  const chunk = 2000;
  for (let from = 0; from < parties.length; from += chunk) {
    const tx = db.transaction(['parties', 'searchBuckets'], 'readwrite', { durability: 'relaxed' });
    for (const party of parties.slice(from, from + chunk))
      void tx.objectStore('parties').put(party);
    if (from + chunk >= parties.length)
      await replaceProjection(tx.objectStore('searchBuckets'), parties);
    await tx.done;
  }
  db.close();
  const probe = buildQueries(rows, 1).find((q) => q.category === 'prefix')!;
  return { parties: rows.length, seedMs: performance.now() - start, ...probe };
}

/**
 * Extension page only: the exact email lookup the background runs on a page's report
 * ("which of these addresses are known", `knownTexts`), against the seeded book: one
 * address, then 1,000 in one batch (half known, half not). The first of each is the
 * cold one (database just opened); the medians are over `runs`.
 */
export async function lookup(count = 50_000, runs = 9) {
  const withEmail = bookOf(count).filter((row) => row.emails.length > 0);
  const random = mulberry32(7);
  const knownEmail = () => withEmail[Math.floor(random() * withEmail.length)]!.emails[0]!;
  const findings = (emails: string[]) =>
    PageFindingsSchema.parse({
      url: 'https://example.com/',
      contacts: emails.map((email) => ({
        emails: [email],
        phones: [],
        sources: ['mailto'],
        confidence: 1,
      })),
    });
  const db = await createDbOpener()();
  const one: number[] = [];
  const batch: number[] = [];
  // The same batch read as whole records, each checked whole (what knownTexts did before
  // it asked for kinds alone, and what the popup's "On this page" still reads): beside it.
  const wholeBatch: number[] = [];
  // And by one index read per address, each record checked for its id and kind (what
  // knownTexts did before it kept the projection's map, and still does when that is
  // out of date and the lookup small).
  const indexBatch: number[] = [];
  const PartyKindSchema = PartySchema.pick({ id: true, kind: true });
  let oneHits = 0;
  let batchHits = 0;
  // One address as the lookup read it before: the same index read, then waiting for
  // the read transaction's commit before answering. Beside it, in the same runs.
  const oneAwaitingCommit: number[] = [];
  for (let run = 0; run < runs; run++) {
    const ours = async () => {
      const single = findings([knownEmail()]);
      const start = performance.now();
      oneHits += (await knownTexts(db, single, new Map())).length;
      one.push(performance.now() - start);
    };
    const awaitingCommit = async () => {
      const other = knownEmail();
      const started = performance.now();
      const tx = db.transaction('parties', 'readonly');
      await readByContacts(tx, { emails: [other] }, (value) => PartyKindSchema.parse(value));
      await tx.done;
      oneAwaitingCommit.push(performance.now() - started);
    };
    // Turns about, so that neither always meets the other's leftovers; ours first on the
    // first run, whose figure is also the cold one.
    for (const single of run % 2 === 0 ? [ours, awaitingCommit] : [awaitingCommit, ours])
      await single();
    // Each variant gets its own addresses, and the two take turns going first, so that
    // neither reads what the other has just brought into the store's cache.
    const batchOf = (variant: string) =>
      findings(
        Array.from({ length: 1000 }, (_, i) =>
          i % 2 === 0 ? knownEmail() : `nobody-${variant}-${run}-${i}@nowhere.example`,
        ),
      );
    const kinds = async () => {
      const many = batchOf('kinds');
      const started = performance.now();
      batchHits = (await knownTexts(db, many, new Map())).length;
      batch.push(performance.now() - started);
    };
    const whole = async () => {
      const many = batchOf('whole');
      const started = performance.now();
      await findPartiesByContacts(db, { emails: many.contacts.flatMap((c) => c.emails) });
      wholeBatch.push(performance.now() - started);
    };
    const indexes = async () => {
      const many = batchOf('indexes');
      const started = performance.now();
      await readByContacts(
        db.transaction('parties', 'readonly'),
        { emails: many.contacts.flatMap((c) => c.emails) },
        (value) => PartyKindSchema.parse(value),
      );
      indexBatch.push(performance.now() - started);
    };
    const order = [kinds, whole, indexes];
    for (let turn = 0; turn < order.length; turn++) await order[(run + turn) % order.length]!();
  }
  db.close();
  // What a big lookup after a write sets off (not on its path): the whole projection
  // read into the address → kind map, on a fresh connection (an empty map).
  const fresh = await createDbOpener()();
  const mapStarted = performance.now();
  await refreshKinds(fresh);
  const mapReadMs = performance.now() - mapStarted;
  fresh.close();
  return {
    mapReadMs,
    firstOneMs: one[0]!,
    oneMs: median(one),
    oneAwaitingCommitMs: median(oneAwaitingCommit),
    firstBatchMs: batch[0]!,
    batchMs: median(batch),
    wholeRecordsBatchMs: median(wholeBatch),
    indexReadsBatchMs: median(indexBatch),
    oneHits: `${oneHits}/${runs}`,
    batchHits: `${batchHits}/1000`,
  };
}

/**
 * Extension page only: one message to the background and its answer, timed here;
 * `sentAt` on the shared clock (`timeOrigin + now`), to place the worker's own marks.
 */
export async function ask(): Promise<{ ms: number; sentAt: number }> {
  const start = performance.now();
  const sentAt = performance.timeOrigin + start;
  const raw: unknown = await browser.runtime.sendMessage({
    channel: CHANNEL,
    name: 'due/list',
    request: { limit: 1 },
  });
  const reply = ReplySchema.parse(raw);
  if (!reply.ok) throw new Error(reply.error.message.code);
  return { ms: performance.now() - start, sentAt };
}

/**
 * Extension page only: where the time to the first answer goes, each stage on its
 * own, median of `runs`. The panel's path: open the database and read the find
 * parts, index them and answer the query as typed (the typo pass follows the
 * answer), read the show parts of the answer's buckets, then the rest. For comparison, the background's `search/rows` (what
 * the panel falls back to, and what it used before): the message round trip (the
 * worker reads and parses the projection, checks its reply, and the browser
 * carries it) and checking that reply as the listener does.
 */
export async function probe(query: string, runs = 5) {
  const stages: Record<string, number[]> = {};
  const time = async <T>(stage: string, work: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const value = await work();
    (stages[stage] ??= []).push(performance.now() - start);
    return value;
  };
  let replyBytes = 0;
  let findChars = 0;
  let showChars = 0;
  for (let run = 0; run < runs; run++) {
    // The direct read's steps one by one (readProjection does them in one go).
    const connection = await time('  open the database', () => openDB(DB_NAME));
    const finds = await time('  read the find parts', () =>
      connection.getAll('searchBuckets', IDBKeyRange.bound(0, SEARCH_BUCKETS - 1)),
    );
    await time('  check them and lay the book out', () =>
      SearchBook.fromParts(finds, NOTHING_TO_LOAD),
    );
    connection.close();
    await settle();
    const book = await time('direct read: open, find parts, check', () => readProjection());
    if (!book) throw new Error('The projection could not be read directly.');
    // As the panel answers: what matches as typed first, the typo pass after it.
    const index = indexSource(book);
    const positions = await time(
      'index + first answer (as typed)',
      () => index.searchAsTyped(query, 20).found,
    );
    await time('the typo pass that follows it', () => index.search(query, 20));
    await time('show parts of the answer’s buckets', () => book.ensure(positions));
    await time('every other show part', () => book.loadAll());
    await settle();

    const envelope = { channel: CHANNEL, name: 'search/rows', request: {} };
    const raw: unknown = await time('search/rows message round trip (fallback)', () =>
      browser.runtime.sendMessage(envelope),
    );
    if (run === 0) replyBytes = JSON.stringify(raw).length;
    const reply = ReplySchema.parse(raw);
    if (!reply.ok) throw new Error(reply.error.message.code);
    await time('checking that reply with zod', () =>
      messages['search/rows'].response.parse(reply.value),
    );
    await settle();
  }
  // What the two kinds of part hold, in characters.
  const db = await createDbOpener()();
  for (const part of await db.getAll('searchBuckets')) {
    if ('text' in part) findChars += part.text.length + part.last.length * 4;
    if ('ids' in part)
      for (const column of [
        part.ids,
        part.names,
        part.kinds,
        part.types,
        part.orgs,
        part.emails,
        part.phones,
      ])
        for (const cell of column) showChars += cell.length;
  }
  db.close();
  return {
    replyKb: Math.round(replyBytes / 1024),
    findKb: Math.round(findChars / 1024),
    showKb: Math.round(showChars / 1024),
    medianMs: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, median(v)])),
  };
}

/** Extension page only: the panel as the popup mounts it. */
export function mount() {
  const root = document.body.appendChild(document.createElement('div'));
  render(
    h(SearchPanel, {
      autoFocus: true,
      onOpen: (id: string) => {
        document.body.dataset.opened = id;
      },
    }),
    root,
  );
}

declare global {
  interface Window {
    clienteleSearchBench: {
      compare: typeof compare;
      seed: typeof seed;
      probe: typeof probe;
      lookup: typeof lookup;
      ask: typeof ask;
      mount: typeof mount;
    };
  }
}
window.clienteleSearchBench = { compare, seed, probe, mount, lookup, ask };
if (location.protocol === 'chrome-extension:' && location.search === '?mount') mount();
