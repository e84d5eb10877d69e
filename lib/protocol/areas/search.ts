import { z } from 'zod';
import { SearchRowSchema } from '../../db/search-row';
import { defineMessage } from '../define';

/** Search runs in the surface, in memory, over the projection the background keeps. */
export const searchMessages = {
  /** The search projection, for the popup to search in memory. */
  'search/rows': defineMessage({
    sender: 'extension-page',
    request: z.object({}),
    response: z.object({ rows: z.array(SearchRowSchema) }),
  }),
} as const;
