import type { ContactType, ValueLabel } from '../domain/card-fields';

/*
 * The type of an email or phone in a CSV row, from its column: Outlook and
 * Thunderbird name it in the header (`Mobile Phone`, `Home Fax`), Google in a
 * `Phone 1 - Label` (2023) or `- Type` (2019) cell beside the value.
 */

const HEADER_TYPES: [RegExp, ContactType][] = [
  [/^(mobile|cell(ular)?)\b/i, 'mobile'],
  [/^home\b/i, 'home'],
  [/^(business|work)\b/i, 'work'],
  [/^other\b/i, 'other'],
];

// A Map, not an object: a cell could hold `constructor`.
const WORDS = new Map<string, ContactType>([
  ['work', 'work'],
  ['business', 'work'],
  ['home', 'home'],
  ['mobile', 'mobile'],
  ['cell', 'mobile'],
  ['fax', 'fax'],
  ['pager', 'pager'],
  ['other', 'other'],
]);

/** Google's label cell for a numbered value column (`Phone 2 - Value` → `Phone 2 - Label`). */
function googleLabelCell(
  header: readonly string[],
  cells: readonly string[],
  column: number,
): string | undefined {
  const numbered = /^(.+ \d+) - value$/i.exec(header[column]?.trim() ?? '');
  if (!numbered) return undefined;
  const prefix = numbered[1]!.toLowerCase();
  const at = header.findIndex((name) =>
    [`${prefix} - label`, `${prefix} - type`].includes(name.trim().toLowerCase()),
  );
  return at < 0 ? undefined : cells[at];
}

/** What a value in this column is: its types, and a label of the exporter's own. */
export function labelOfColumn(
  header: readonly string[],
  cells: readonly string[],
  column: number,
): Omit<ValueLabel, 'value'> | undefined {
  const cell = googleLabelCell(header, cells, column);
  if (cell !== undefined) {
    // `* Work` marks the primary one.
    const text = cell.replace(/^\*\s*/, '').trim();
    if (text === '') return undefined;
    const words = text.toLowerCase().split(/\s+/);
    const types = [...new Set(words.map((word) => WORDS.get(word)))];
    if (types.every((type) => type !== undefined)) return { types };
    return { types: [], label: text.slice(0, 100) };
  }
  const name = header[column]?.trim() ?? '';
  const types: ContactType[] = [];
  const type = HEADER_TYPES.find(([pattern]) => pattern.test(name))?.[1];
  if (type) types.push(type);
  // Outlook's `Business Fax`, `Home Fax`, `Other Fax` and `Pager`.
  if (/\bfax\b/i.test(name)) types.push('fax');
  if (/\bpager\b/i.test(name)) types.push('pager');
  return types.length > 0 ? { types } : undefined;
}
