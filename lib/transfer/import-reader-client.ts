import type { RelationshipKind } from '../domain/relationship';
import { err, ok, type Result } from '../domain/result';
import type { CsvField } from './csv-layouts';
import type { DraftsFromRows } from './csv-rows';
import { FromReaderSchema, type FromReader, type SourceView } from './import-worker-protocol';
import type { NoteTemplates } from './note-words';
import type { ImportProblem } from './problems';
import { DraftChecks, type Settle } from './draft-checks';

/** The page's end: a Worker, or anything that talks like one (tests connect it in memory). */
export interface WorkerLike {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown, transfer?: Transferable[]): void;
  terminate(): void;
}

export type Opened = Result<SourceView, ImportProblem>;

/** Stopped by the user (cancel) or by a newer file: not an error to show. */
export class ReadingStopped extends Error {
  constructor() {
    super('Reading the file was stopped.');
  }
}

/**
 * Reads an import file in a worker. `open` sends the bytes (transferred, not
 * copied) and resolves with what the preview shows; `drafts` asks for a choice's
 * drafts, checked row by row with PartyDraftSchema as their chunks arrive, in short
 * turns that give the page its thread back (DraftChecks); `stop`
 * ends the worker, and with it whatever it was doing.
 */
export class ImportReader {
  private pending: Pending | undefined;
  private request = 0;
  private stopped = false;

  constructor(
    private readonly worker: WorkerLike,
    private readonly onProgress: (done: number, total: number) => void = () => undefined,
    /** How the worker words what it keeps in notes: `noteTemplates(t)` on a page. */
    private readonly notes?: NoteTemplates,
  ) {
    worker.addEventListener('message', ({ data }) => this.receive(data));
  }

  open(bytes: Uint8Array, fileName: string): Promise<Opened> {
    return this.wait<Opened>(
      (message) => {
        if (message.type === 'opened') return { value: ok(message.view) };
        if (message.type === 'failed') return { value: err(message.problem) };
        return undefined;
      },
      () =>
        this.worker.postMessage(
          this.notes
            ? { type: 'read', bytes, fileName, notes: this.notes }
            : { type: 'read', bytes, fileName },
          [bytes.buffer],
        ),
    );
  }

  drafts(kind: RelationshipKind, mapping?: readonly CsvField[]): Promise<DraftsFromRows> {
    const request = ++this.request;
    let checks: DraftChecks | undefined;
    return this.wait<DraftsFromRows>(
      (message, settle) => {
        if (message.type === 'failed') throw new Error(message.problem.message.code);
        if (message.type !== 'drafts' || message.request !== request) return undefined;
        (checks ??= new DraftChecks(settle)).add(message);
        return undefined; // DraftChecks settles the request when the last chunk is checked
      },
      () =>
        this.worker.postMessage(
          mapping
            ? { type: 'drafts', request, kind, mapping: [...mapping] }
            : { type: 'drafts', request, kind },
        ),
    );
  }

  /** Ends the worker; a read or a drafts request still waiting fails with ReadingStopped. */
  stop(): void {
    this.worker.terminate();
    this.stopped = true;
    this.pending?.reject(new ReadingStopped());
    this.pending = undefined;
  }

  private wait<T>(accept: Accept<T>, send: () => void): Promise<T> {
    this.pending?.reject(new ReadingStopped());
    return new Promise<T>((resolve, reject) => {
      const current = () => this.pending === pending;
      const pending: Pending = {
        reject,
        accept,
        settle: {
          resolve: (value) => {
            if (!current()) return;
            this.pending = undefined;
            resolve(value as T);
          },
          reject: (error) => {
            if (!current()) return;
            this.pending = undefined;
            reject(error);
          },
          current,
        },
      };
      this.pending = pending;
      send();
    });
  }

  private receive(data: unknown): void {
    if (this.stopped) return;
    const parsed = FromReaderSchema.safeParse(data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'progress') {
      this.onProgress(message.done, message.total);
      return;
    }
    const pending = this.pending;
    if (!pending) return;
    try {
      const answer = pending.accept(message, pending.settle);
      if (answer) pending.settle.resolve(answer.value);
    } catch (error) {
      pending.settle.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

/**
 * Reads one message: its answer when it completes the request, else undefined (a
 * request that finishes later settles through `settle`).
 */
type Accept<T = unknown> = (message: FromReader, settle: Settle<T>) => { value: T } | undefined;

interface Pending {
  reject: (error: Error) => void;
  accept: Accept;
  settle: Settle<unknown>;
}
