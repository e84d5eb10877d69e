import {
  BucketColumns,
  bucketOf,
  emailsOf,
  isFindPart,
  isShowPart,
  kindAt,
  linesOf,
  NEVER,
  SHOW_OFFSET,
  typeAt,
  type FindPart,
  type ShowPart,
} from './projection-format';

/** What a result shows: one party, as the projection holds it. */
export interface ShownRow {
  id: string;
  name: string;
  kind: string;
  type: string;
  emails: string[];
  phones: string[];
  organization?: string;
  /** Other words the row is found by (nickname, cities), when it came as a row. */
  aka?: string;
  lastInteractionAt?: number;
}

/** Reads show parts from where the find parts came from. */
export interface ShowLoader {
  /** The show parts of these buckets, or of every bucket when none are named. */
  load(buckets?: readonly number[]): Promise<unknown[]>;
  /** Nothing more will be read. */
  close(): void;
}

/** Thrown when a bucket changed between reading what to search and what to show. */
export class BookChanged extends Error {
  constructor() {
    super('Records changed while they were being read.');
  }
}

/**
 * Every record the search can find, as columns over all buckets: the haystacks and
 * last contacts a query needs are there from the start; what a result shows comes
 * per bucket, when a result from that bucket is first shown (`ensure`).
 */
export class SearchBook {
  readonly size: number;
  readonly haystacks: string[];
  /** Each row's last contact (epoch ms), or NEVER. */
  readonly lastAt: Float64Array;
  private readonly bucketOfRow: Uint16Array;
  private readonly firstRow = new Map<number, number>();
  private readonly finds = new Map<number, FindPart>();
  private readonly shows = new Map<number, ShowPart>();
  private everything: Promise<void> | undefined;

  private constructor(
    finds: readonly FindPart[],
    private readonly loader?: ShowLoader,
  ) {
    let size = 0;
    const lines = finds.map((find) => {
      const rows = linesOf(find.text, find.last.length);
      if (rows.length !== find.last.length) throw new TypeError('a find part is torn');
      this.finds.set(find.bucket, find);
      this.firstRow.set(find.bucket, size);
      size += rows.length;
      return rows;
    });
    this.haystacks = ([] as string[]).concat(...lines);
    this.size = size;
    this.lastAt = new Float64Array(this.size);
    this.bucketOfRow = new Uint16Array(this.size);
    for (const find of finds) {
      const at = this.firstRow.get(find.bucket)!;
      this.lastAt.set(find.last, at);
      this.bucketOfRow.fill(find.bucket, at, at + find.last.length);
    }
  }

  /**
   * A book over stored find parts, which are checked per bucket here; null when
   * one is not what this build writes. `loader` reads the show parts later.
   */
  static fromParts(finds: readonly unknown[], loader: ShowLoader): SearchBook | null {
    const checked: FindPart[] = [];
    for (const find of finds) {
      const bucket = (find as { bucket?: unknown } | null)?.bucket;
      if (typeof bucket !== 'number' || !isFindPart(find, bucket)) return null;
      checked.push(find);
    }
    try {
      return new SearchBook(checked, loader);
    } catch {
      return null;
    }
  }

  /** A book over rows already in hand (from the background), with nothing left to load. */
  static fromRows(rows: readonly ShownRow[]): SearchBook {
    const buckets = new Map<number, BucketColumns>();
    for (const row of rows) {
      const bucket = bucketOf(row.id);
      let columns = buckets.get(bucket);
      if (!columns) buckets.set(bucket, (columns = new BucketColumns(bucket)));
      columns.set(row);
    }
    const parts = [...buckets.values()].map((columns) => columns.pack('rows'));
    const book = new SearchBook(parts.map(([find]) => find));
    for (const [, show] of parts) book.shows.set(show.bucket - SHOW_OFFSET, show);
    return book;
  }

  /** Each phone of row `i`, in E.164; undefined until its bucket's show part is loaded. */
  phonesOf(i: number): string[] | undefined {
    const bucket = this.bucketOfRow[i]!;
    const line = this.shows.get(bucket)?.phones[i - this.firstRow.get(bucket)!];
    if (line === undefined) return undefined;
    return line === '' ? [] : line.split(' ');
  }

  /** True once what every row shows is loaded (and so every phone). */
  get complete(): boolean {
    return this.shows.size === this.finds.size;
  }

  /** Row `i` as a result shows it, or undefined until its bucket's show part is loaded. */
  rowAt(i: number): ShownRow | undefined {
    const bucket = this.bucketOfRow[i]!;
    const show = this.shows.get(bucket);
    if (!show) return undefined;
    const at = i - this.firstRow.get(bucket)!;
    const organization = show.orgs[at]!;
    const emails = emailsOf(show.emails[at]!, this.haystacks[i]!);
    const row: ShownRow = {
      id: show.ids[at]!,
      name: show.names[at]!,
      kind: kindAt(show, at),
      type: typeAt(show, at),
      emails: emails === '' ? [] : emails.split(' '),
      phones: this.phonesOf(i) ?? [],
    };
    if (organization !== '') row.organization = organization;
    if (this.lastAt[i]! !== NEVER) row.lastInteractionAt = this.lastAt[i]!;
    return row;
  }

  /** The rows at these positions, or undefined while any of them is not loaded yet. */
  rowsAt(positions: readonly number[]): ShownRow[] | undefined {
    const rows: ShownRow[] = [];
    for (const i of positions) {
      const row = this.rowAt(i);
      if (!row) return undefined;
      rows.push(row);
    }
    return rows;
  }

  /**
   * Loads what the rows at these positions show. Rejects with BookChanged when a
   * bucket was written since its find part was read (the caller reads afresh).
   */
  async ensure(positions: readonly number[]): Promise<void> {
    const missing = [...new Set(positions.map((i) => this.bucketOfRow[i]!))].filter(
      (bucket) => !this.shows.has(bucket),
    );
    if (missing.length === 0 || !this.loader) return;
    if (this.everything) await this.everything;
    else this.addShows(await this.loader.load(missing));
    // A bucket whose show part is gone was emptied or torn since: read afresh.
    if (missing.some((bucket) => !this.shows.has(bucket))) throw new BookChanged();
  }

  /**
   * Loads what every row shows, so later queries answer without waiting; after
   * that the book reads nothing more.
   */
  loadAll(): Promise<void> {
    const loader = this.loader;
    if (!loader) return Promise.resolve();
    this.everything ??= loader
      .load()
      .then((parts) => this.addShows(parts))
      .finally(() => loader.close());
    return this.everything;
  }

  /** Reads nothing more (the page is done with the book). */
  close(): void {
    this.loader?.close();
  }

  /**
   * Keeps show parts read from storage, each checked against its find part;
   * throws BookChanged for one that was written since.
   */
  addShows(parts: readonly unknown[]): void {
    for (const part of parts) {
      const key = (part as { bucket?: unknown } | null)?.bucket;
      if (typeof key !== 'number') continue;
      const bucket = key - SHOW_OFFSET;
      const find = this.finds.get(bucket);
      if (!find) continue; // a bucket written since: its rows are not in this book
      if (!isShowPart(part, bucket, find.last.length) || part.stamp !== find.stamp)
        throw new BookChanged();
      this.shows.set(bucket, part);
    }
  }
}
