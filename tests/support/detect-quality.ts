import { phoneKey } from '../../lib/detect/contacts-from-findings';
import type { DetectedContact } from '../../lib/detect/types';

export interface Expected {
  emails: string[];
  /** E.164. */
  phones: string[];
}

export interface Quality {
  precision: number;
  recall: number;
  missed: string[];
  extra: string[];
}

/**
 * Precision and recall of what was detected against what a page really holds,
 * over addresses and phones (phones compared by their last ten digits, since the
 * page writes them its own way). Used by the fixture tests and the benchmark.
 */
export function measureQuality(detected: readonly DetectedContact[], expected: Expected): Quality {
  const want = new Set([
    ...expected.emails,
    ...expected.phones.map((phone) => `tel:${phoneKey(phone)}`),
  ]);
  const got = new Set(
    detected.flatMap((contact) => [
      ...contact.emails,
      ...contact.phones.map((phone) => `tel:${phoneKey(phone)}`),
    ]),
  );
  const hits = [...got].filter((item) => want.has(item)).length;
  return {
    precision: got.size === 0 ? 1 : hits / got.size,
    recall: want.size === 0 ? 1 : hits / want.size,
    missed: [...want].filter((item) => !got.has(item)),
    extra: [...got].filter((item) => !want.has(item)),
  };
}
