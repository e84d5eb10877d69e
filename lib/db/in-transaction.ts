import { abortCause } from './abort-cause';

/**
 * Runs `work` inside `tx` and resolves only once the transaction has committed, so
 * an acknowledged write is a stored write. If `work` throws (a constraint broke, a
 * record failed to parse) the transaction is aborted, nothing of it is kept, and
 * the error is rethrown once — without `tx.done` also surfacing as an unhandled
 * rejection. Inside `work`, await nothing but this transaction's requests: any other
 * await lets IndexedDB auto-commit half the work.
 *
 * `signal` cancels: aborted before the transaction commits, it aborts the
 * transaction (nothing of it is kept) and the call rejects with a `TransactionCancelled`;
 * aborted after, it changes nothing.
 */
export async function inTransaction<T>(
  tx: { done: Promise<void>; abort(): void; readonly error?: DOMException | null },
  work: () => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  // Observed here; awaited below when the work succeeds.
  tx.done.catch(() => undefined);
  const cancel = () => {
    try {
      tx.abort();
    } catch {
      // Already committed or aborted: too late to cancel.
    }
  };
  if (signal?.aborted) cancel();
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    return await run(tx, work);
  } catch (error) {
    if (signal?.aborted) throw new TransactionCancelled();
    throw error;
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}

/** The user cancelled the work and its transaction was aborted: nothing of it was kept. */
export class TransactionCancelled extends Error {
  override name = 'TransactionCancelled';
  constructor() {
    super('Cancelled: nothing was changed.');
  }
}

async function run<T>(
  tx: { done: Promise<void>; abort(): void; readonly error?: DOMException | null },
  work: () => Promise<T>,
): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request.
    }
    throw await abortCause(tx, error);
  }
  await tx.done.catch(async (error: unknown) => {
    throw await abortCause(tx, error);
  });
  return result;
}
