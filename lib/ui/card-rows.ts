import { ADDRESS_PARTS } from '../domain/address-parts';
import type { ContactType, PostalAddress, ValueLabel } from '../domain/card-fields';

/*
 * The record forms edit emails, phones, websites and postal addresses as rows, each
 * with its type (work, home… or the exporter's own label) and, for the first three, a
 * preferred one. This is the rows' logic, apart from the form so it can be tested
 * whole. No zod here: the side panel's bundle loads it.
 */

/** Spelled here, not taken from card-fields: that module brings zod into the panel. */
export const ROW_TYPES = [
  'work',
  'home',
  'mobile',
  'fax',
  'pager',
  'other',
] as const satisfies readonly ContactType[];

/** One email, phone or website as the form holds it. `id` keeps Preact's rows stable. */
export interface ValueRow {
  id: number;
  value: string;
  types: ContactType[];
  /** The exporter's or the user's own word; present (maybe empty) when chosen. */
  label?: string;
}

/** One postal address as the form holds it: the record's parts, as typed. */
export interface AddressRow extends PostalAddress {
  id: number;
}

/**
 * The type drop-down's value: '' for none, a type, `custom` for an own label, or the
 * types joined by spaces when a card gave several (`work fax`), so that a choice the
 * form cannot make is still shown and kept.
 */
export type TypeChoice = string;
export const CUSTOM = 'custom';

let lastId = 0;
/** A fresh row id: rows made in one form never share one. */
export const nextRowId = () => ++lastId;

export function choiceOf(row: { types: readonly string[]; label?: string }): TypeChoice {
  if (row.label !== undefined) return CUSTOM;
  return row.types.join(' ');
}

/** A row with the drop-down set to `choice`; the label is kept only with `custom`. */
export function withChoice<T extends { types: ContactType[]; label?: string }>(
  row: T,
  choice: TypeChoice,
): T {
  const next = { ...row };
  if (choice === CUSTOM) {
    next.label = row.label ?? '';
    return next;
  }
  delete next.label;
  next.types = choice === '' ? [] : (choice.split(' ') as ContactType[]);
  return next;
}

/** Apple's built-in labels (`_$!<Home>!$_`) read as the word inside. */
export const labelText = (label: string) => /^_\$!<(.*)>!\$_$/.exec(label)?.[1] ?? label;

/** A record's values and their labels as rows, in the record's order (the first preferred). */
export function valueRowsOf(
  values: readonly string[],
  labels: readonly ValueLabel[] | undefined,
): ValueRow[] {
  return values.map((value) => {
    const found = labels?.find((label) => label.value === value);
    const row: ValueRow = { id: nextRowId(), value, types: [...(found?.types ?? [])] };
    if (found?.label !== undefined) row.label = found.label;
    return row;
  });
}

/**
 * The rows as the record keeps them: the values (trimmed, empty rows dropped, the
 * preferred one first) and a label for each value that has a type or a word.
 */
export function valuesOfRows(
  rows: readonly ValueRow[],
  preferred: number,
): { values: string[]; labels: ValueLabel[] } {
  const ordered = rows[preferred]
    ? [rows[preferred], ...rows.filter((_, i) => i !== preferred)]
    : [...rows];
  const values: string[] = [];
  const labels: ValueLabel[] = [];
  for (const row of ordered) {
    const value = row.value.trim();
    if (value === '' || values.includes(value)) continue;
    values.push(value);
    const label = row.label?.trim();
    if (row.types.length === 0 && !label) continue;
    labels.push(label ? { value, types: [...row.types], label } : { value, types: [...row.types] });
  }
  return { values, labels };
}

/** Labels in the values' order, in one shape, so two lists compare as text. */
export function sameLabels(
  a: readonly ValueLabel[] | undefined,
  b: readonly ValueLabel[] | undefined,
  values: readonly string[],
): boolean {
  const shape = (labels: readonly ValueLabel[] | undefined) =>
    JSON.stringify(
      values.map((value) => {
        const found = labels?.find((label) => label.value === value);
        return found ? [found.types, found.label ?? null] : null;
      }),
    );
  return shape(a) === shape(b);
}

export function addressRowsOf(addresses: readonly PostalAddress[] | undefined): AddressRow[] {
  return (addresses ?? []).map((address) => ({
    ...address,
    types: [...address.types],
    id: nextRowId(),
  }));
}

export const emptyAddressRow = (): AddressRow => ({ id: nextRowId(), types: [] });

/** One address in the record's shape: trimmed parts, empty ones left out. */
function tidyAddress(address: PostalAddress): PostalAddress | null {
  const out: PostalAddress = { types: [...address.types] };
  const label = address.label?.trim();
  if (label) out.label = label;
  let filled = false;
  for (const key of ADDRESS_PARTS) {
    const value = address[key]?.trim();
    if (!value) continue;
    out[key] = value;
    filled = true;
  }
  return filled ? out : null;
}

/** The addresses the rows hold, the empty ones dropped (a type alone is no address). */
export function addressesOfRows(rows: readonly AddressRow[]): PostalAddress[] {
  return rows
    .map(({ id: _id, ...address }) => tidyAddress(address))
    .filter((a): a is PostalAddress => a !== null);
}

/** Whether the rows say the same as the record's addresses. */
export function sameAddresses(
  rows: readonly PostalAddress[],
  stored: readonly PostalAddress[] | undefined,
): boolean {
  const tidy = (list: readonly PostalAddress[]) =>
    JSON.stringify(list.map(tidyAddress).filter(Boolean));
  return tidy(rows) === tidy(stored ?? []);
}
