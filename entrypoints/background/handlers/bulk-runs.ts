import { TransactionCancelled } from '../../../lib/db/in-transaction';

interface Run {
  controller: AbortController;
  /** Settles with the run: true when it ended cancelled, nothing of it kept. */
  cancelled: Promise<boolean>;
}

/**
 * The bulk actions running now, by the name their page gave them, so the page's
 * Cancel can stop one. Each runs in one transaction: aborted before its commit it
 * keeps nothing (lib/db/in-transaction.ts); one that committed first stays done.
 */
export function createBulkRuns() {
  const running = new Map<string, Run>();
  return {
    /** Runs `work` with a signal that `cancel(operation)` aborts; without a name, it cannot be cancelled. */
    async run<T>(operation: string | undefined, work: (signal?: AbortSignal) => Promise<T>) {
      if (operation === undefined) return work();
      const controller = new AbortController();
      const done = work(controller.signal);
      const run: Run = {
        controller,
        cancelled: done.then(
          () => false,
          (error: unknown) => error instanceof TransactionCancelled,
        ),
      };
      running.set(operation, run);
      try {
        return await done;
      } finally {
        if (running.get(operation) === run) running.delete(operation);
      }
    },
    /** Stops the named run; true when that left the book as it was, false when it had finished. */
    async cancel(operation: string): Promise<boolean> {
      const run = running.get(operation);
      if (!run) return false;
      run.controller.abort();
      return run.cancelled;
    },
  };
}
