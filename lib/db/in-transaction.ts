import { abortCause } from './abort-cause';

/**
 * Runs `work` inside `tx` and resolves only once the transaction has committed, so
 * an acknowledged write is a stored write. If `work` throws (a constraint broke, a
 * record failed to parse) the transaction is aborted, nothing of it is kept, and
 * the error is rethrown once — without `tx.done` also surfacing as an unhandled
 * rejection. Inside `work`, await nothing but this transaction's requests: any other
 * await lets IndexedDB auto-commit half the work.
 */
export async function inTransaction<T>(
  tx: { done: Promise<void>; abort(): void; readonly error?: DOMException | null },
  work: () => Promise<T>,
): Promise<T> {
  // Observed here; awaited below when the work succeeds.
  tx.done.catch(() => undefined);
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
