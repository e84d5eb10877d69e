import { z } from 'zod';
import { normalizeEmail } from './email';
import { lazy } from './lazy';

/** A stored email: already normalised (parsing re-checks, so old or imported data is safe). */
export const EmailSchema = lazy(() =>
  z.string().refine((value) => normalizeEmail(value) === value, {
    message: 'not a normalised email address',
  }),
);
