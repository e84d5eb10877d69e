import { PartyDraftSchema, type PartyDraft } from '../domain';
import type { RelationshipKind } from '../domain/relationship';
import { err, ok, type Result } from '../domain/result';
import type { CsvField } from './csv-layouts';
import type { DraftsFromRows } from './csv-rows';
import { FromReaderSchema, type FromReader, type SourceView } from './import-worker-protocol';
import type { NoteTemplates } from './note-words';
import { problemError, type ImportProblem, type ImportRow } from './problems';
import { uiText } from '../domain/ui-text';
import { fieldOf } from '../domain/issues';

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
 * drafts, checked row by row with PartyDraftSchema as their chunks arrive; `stop`
 * ends the worker, and with it whatever it was doing.
 */
export class ImportReader {
  private pending:
    { resolve: (value: never) => void; reject: (error: Error) => void; accept: Accept } | undefined;
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
    const drafts: ImportRow<PartyDraft>[] = [];
    const problems: ImportProblem[] = [];
    return this.wait<DraftsFromRows>(
      (message) => {
        if (message.type === 'failed') throw new Error(message.problem.message.code);
        if (message.type !== 'drafts' || message.request !== request) return undefined;
        for (const row of message.rows) {
          const parsed = PartyDraftSchema.safeParse(row.value);
          if (parsed.success)
            drafts.push(
              row.phoneLines
                ? { line: row.line, value: parsed.data, phoneLines: row.phoneLines }
                : { line: row.line, value: parsed.data },
            );
          else
            problems.push(
              problemError(uiText('import_draft_invalid', { field: fieldOf(parsed.error) }), {
                line: row.line,
              }),
            );
        }
        problems.push(...message.problems);
        if (!message.last) return undefined;
        problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
        return { value: { drafts, problems } };
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
      this.pending = { resolve: resolve, reject, accept };
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
      const answer = pending.accept(message);
      if (!answer) return;
      this.pending = undefined;
      pending.resolve(answer.value as never);
    } catch (error) {
      this.pending = undefined;
      pending.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

/** Reads one message: its answer when it completes the request, else undefined. */
type Accept<T = unknown> = (message: FromReader) => { value: T } | undefined;
