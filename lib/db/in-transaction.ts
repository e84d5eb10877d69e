/**
 * Runs `work` inside `tx` and resolves only once the transaction has committed, so
 * an acknowledged write is a stored write. If `work` throws (a constraint broke, a
 * record failed to parse) the transaction is aborted, nothing of it is kept, and
 * the error is rethrown once — without `tx.done` also surfacing as an unhandled
 * rejection. Inside `work`, await nothing but this transaction's requests: any other
 * await lets IndexedDB auto-commit half the work.
 */
export async function inTransaction<T>(
  tx: { done: Promise<void>; abort(): void },
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
    throw error;
  }
  await tx.done;
  return result;
}
