import { z } from 'zod';
import { SearchRowSchema } from '../../db/search-row';
import { defineMessage } from '../define';

/** Search runs in the surface, in memory, over the projection the background keeps. */
export const searchMessages = {
  /**
   * Every row of the projection. Extension pages read the projection straight from
   * the store (lib/search/read-projection.ts) and ask this only when they cannot:
   * no database yet, another version, or a projection to rebuild first.
   */
  'search/rows': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({}),
    response: z.object({ rows: z.array(SearchRowSchema) }),
  })),
} as const;
