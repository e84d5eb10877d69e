import { z } from 'zod';
import { normalizeEmail } from './email';

/** A stored email: already normalised (parsing re-checks, so old or imported data is safe). */
export const EmailSchema = z.string().refine((value) => normalizeEmail(value) === value, {
  message: 'not a normalised email address',
});
