import { PartyDraftSchema, type PartyDraft } from '../domain';
import { fieldOf } from '../domain/issues';
import { uiText } from '../domain/ui-text';
import type { DraftsFromRows } from './csv-rows';
import type { FromReader } from './import-worker-protocol';
import { nextTurn, TURN_MS, turnClock } from './page-turns';
import { problemError, type ImportProblem, type ImportRow } from './problems';

export type DraftsMessage = Extract<FromReader, { type: 'drafts' }>;

/** How a request ends; `current` is false once a newer request or stop replaced it. */
export interface Settle<T> {
  resolve: (value: T) => void;
  reject: (error: Error) => void;
  current: () => boolean;
}

/**
 * Checks a choice's drafts with PartyDraftSchema as their chunks arrive, in turns
 * (page-turns.ts): chunks come in faster than a slow page checks them, so they
 * queue, and the page's thread is given back between turns rather than held for a
 * whole chunk. Rows keep the worker's order; the answer is the same as checking all
 * of them at once.
 */
export class DraftChecks {
  private readonly drafts: ImportRow<PartyDraft>[] = [];
  private readonly problems: ImportProblem[] = [];
  private readonly queue: DraftsMessage[] = [];
  private running = false;

  constructor(
    private readonly settle: Settle<DraftsFromRows>,
    private readonly turns: { turnMs: number; next: () => Promise<void> } = {
      turnMs: TURN_MS,
      next: nextTurn,
    },
  ) {}

  add(message: DraftsMessage): void {
    this.queue.push(message);
    if (this.running) return;
    this.running = true;
    this.run().catch((error: unknown) =>
      this.settle.reject(error instanceof Error ? error : new Error(String(error))),
    );
  }

  private async run(): Promise<void> {
    const clock = turnClock(this.turns.turnMs);
    let next = 0;
    while (next < this.queue.length) {
      const message = this.queue[next]!;
      this.queue[next++] = undefined as never; // checked chunks are not kept twice
      for (const row of message.rows) {
        if (clock.spent()) {
          await this.turns.next();
          if (!this.settle.current()) return;
          clock.restart();
        }
        this.check(row);
      }
      this.problems.push(...message.problems);
      if (message.last) {
        this.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
        this.settle.resolve({ drafts: this.drafts, problems: this.problems });
        return;
      }
    }
    this.queue.length = 0;
    this.running = false;
  }

  private check(row: DraftsMessage['rows'][number]): void {
    const parsed = PartyDraftSchema.safeParse(row.value);
    if (parsed.success)
      this.drafts.push(
        row.phoneLines
          ? { line: row.line, value: parsed.data, phoneLines: row.phoneLines }
          : { line: row.line, value: parsed.data },
      );
    else
      this.problems.push(
        problemError(uiText('import_draft_invalid', { field: fieldOf(parsed.error) }), {
          line: row.line,
        }),
      );
  }
}
