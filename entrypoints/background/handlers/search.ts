import { ok } from '../../../lib/domain/result';
import { readSearchRows } from '../../../lib/db/search-projection';
import type { searchMessages } from '../../../lib/protocol/areas/search';
import type { HandlersFor } from '../../../lib/protocol/listener';
import type { BackgroundDeps } from './deps';

export function createSearchHandlers({ repo }: BackgroundDeps): HandlersFor<typeof searchMessages> {
  return {
    'search/rows': async () => ok({ rows: await readSearchRows(repo.getDb) }),
  };
}
