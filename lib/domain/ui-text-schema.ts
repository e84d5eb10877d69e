import { z } from 'zod';
import { UI_TEXT_CODES, type UiText } from './ui-text';
import { lazy } from './lazy';

/** A code and its values, as stored (undo entries) or received (messages, the import worker). */
export const UiTextSchema: z.ZodType<UiText> = lazy(() =>
  z.lazy(() =>
    z.object({
      code: z.enum(UI_TEXT_CODES),
      // A value may be another code's words (a refused restore names the backup's problem).
      params: z.record(
        z.string().max(40),
        z.union([z.string().max(2000), z.number(), UiTextSchema]),
      ),
    }),
  ),
);
