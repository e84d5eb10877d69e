import { z } from 'zod';
import { lazy } from './lazy';

export const RegionSchema = lazy(() =>
  z.string().regex(/^[A-Z]{2}$/, 'a two-letter region code such as US'),
);

/** A stored phone: E.164 with an optional extension. */
export const PhoneSchema = lazy(() =>
  z.string().regex(/^\+[1-9]\d{6,14}(;ext=\d{1,10})?$/, 'not an E.164 number'),
);
