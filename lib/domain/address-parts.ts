/**
 * A postal address's text parts in vCard's ADR order (PO box first, country last).
 * Its own module, free of zod, so page code (the edit form's rows) can read it
 * without the schemas.
 */
export const ADDRESS_PARTS = [
  'poBox',
  'extended',
  'street',
  'locality',
  'region',
  'postalCode',
  'country',
] as const;
