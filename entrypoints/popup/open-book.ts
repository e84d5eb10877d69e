import type { Result } from '../../lib/domain/result';
import { sendMessage } from '../../lib/platform/messaging';
import { readProjection } from '../../lib/search/read-projection';
import { SearchBook } from '../../lib/search/search-book';

/**
 * The records to search, for an extension page: read straight from the store when
 * it can be (no message, no waiting for the service worker), else asked of the
 * background, which also rebuilds a projection it finds stale or damaged.
 */
export async function openSearchBook(): Promise<Result<SearchBook>> {
  const direct = await readProjection().catch(() => null);
  if (direct) return { ok: true, value: direct };
  const reply = await sendMessage('search/rows', {});
  return reply.ok ? { ok: true, value: SearchBook.fromRows(reply.value.rows) } : reply;
}
