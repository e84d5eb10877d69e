/**
 * Why a transaction really aborted. When one of its requests fails (a write over
 * the quota, in Firefox), the request's error event reaches the transaction before
 * the transaction records that error and aborts; so `done`, and every other
 * request of it, reject with a bare AbortError that says nothing. The cause is on
 * `tx.error` once the abort has run, which the browser does in the same task as
 * the failed request's event: one macrotask later it is there to read.
 */
export async function abortCause(
  tx: { readonly error?: DOMException | null },
  error: unknown,
): Promise<unknown> {
  if ((error as { name?: unknown } | null)?.name !== 'AbortError') return error;
  await new Promise((resolve) => setTimeout(resolve, 0));
  return tx.error ?? error;
}
