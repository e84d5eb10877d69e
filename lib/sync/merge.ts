/**
 * Three-way, per-field merge of one record against the version both sides last
 * agreed on (the base). A field changed on one side only takes that side's value;
 * a field changed on both takes the later edit, and the other value is returned as
 * a conflict so the caller keeps it in the record's history: nothing is lost.
 * Lists of plain values (emails, tags) merge as sets — an address added on each
 * side keeps both — and lists of records with ids (kind history, engagements)
 * merge element by element.
 */

export interface Side<T> {
  value: T;
  /** When this side's version was last edited (the record's `updatedAt`, or REV). */
  at: number;
}

export interface FieldConflict {
  field: string;
  /** The value the record now has. */
  kept: unknown;
  /** The value that lost, kept here so it can be shown and restored. */
  replaced: unknown;
  winner: 'local' | 'remote';
}

export interface Merged<T> {
  value: T;
  conflicts: FieldConflict[];
}

type Json = Record<string, unknown>;

/** Fields whose merge is not "later edit wins": times that only move one way. */
const LATEST = new Set(['updatedAt', 'lastInteractionAt']);
const EARLIEST = new Set(['createdAt']);

export function mergeRecord<T extends object>(
  base: T | undefined,
  local: Side<T>,
  remote: Side<T>,
): Merged<T> {
  const b = (base ?? {}) as Json;
  const l = local.value as Json;
  const r = remote.value as Json;
  // Ties go the same way on every device, so two devices merging alike agree.
  const remoteWins = remote.at > local.at || (remote.at === local.at && key(r) > key(l));
  const out: Json = {};
  const conflicts: FieldConflict[] = [];
  for (const field of new Set([...Object.keys(l), ...Object.keys(r)])) {
    const merged = mergeField(
      field,
      b[field],
      l[field],
      r[field],
      remoteWins,
      base !== undefined,
      conflicts,
    );
    if (merged.conflict) conflicts.push(merged.conflict);
    if (merged.value !== undefined) out[field] = merged.value;
  }
  return { value: out as T, conflicts };
}

function mergeField(
  field: string,
  base: unknown,
  local: unknown,
  remote: unknown,
  remoteWins: boolean,
  hasBase: boolean,
  nested: FieldConflict[],
): { value: unknown; conflict?: FieldConflict } {
  if (same(local, remote)) return { value: local };
  if (LATEST.has(field) || EARLIEST.has(field)) {
    const numbers = [local, remote].filter((v): v is number => typeof v === 'number');
    if (numbers.length === 0) return { value: undefined };
    return { value: LATEST.has(field) ? Math.max(...numbers) : Math.min(...numbers) };
  }
  if (Array.isArray(local) && Array.isArray(remote)) {
    const baseList = Array.isArray(base) ? base : [];
    return { value: mergeList(field, baseList, local, remote, remoteWins, nested) };
  }
  if (hasBase && same(local, base)) return { value: remote };
  if (hasBase && same(remote, base)) return { value: local };
  const [kept, replaced] = remoteWins ? [remote, local] : [local, remote];
  return {
    value: kept,
    conflict: { field, kept, replaced, winner: remoteWins ? 'remote' : 'local' },
  };
}

/**
 * Keeps an element that both sides have, or that one side added since the base;
 * drops one that a side removed. Records with an `id` merge by id, field by field.
 */
function mergeList(
  field: string,
  base: unknown[],
  local: unknown[],
  remote: unknown[],
  remoteWins: boolean,
  conflicts: FieldConflict[],
) {
  const id = (v: unknown) =>
    v !== null && typeof v === 'object' && 'id' in v ? `id:${String(v.id)}` : key(v);
  const inBase = new Map(base.map((v) => [id(v), v]));
  const inLocal = new Map(local.map((v) => [id(v), v]));
  const inRemote = new Map(remote.map((v) => [id(v), v]));
  const out: unknown[] = [];
  for (const [k, v] of [...inLocal, ...inRemote]) {
    if (out.some((o) => id(o) === k)) continue;
    const l = inLocal.get(k);
    const r = inRemote.get(k);
    if (l !== undefined && r !== undefined) {
      if (same(l, r) || typeof l !== 'object') {
        out.push(l);
        continue;
      }
      const order = remoteWins ? [0, 1] : [1, 0];
      const merged = mergeRecord(
        inBase.get(k) as object | undefined,
        { value: l as object, at: order[0] ?? 0 },
        { value: r as object, at: order[1] ?? 0 },
      );
      out.push(merged.value);
      for (const c of merged.conflicts)
        conflicts.push({ ...c, field: `${field}[${k}].${c.field}` });
    } else if (!inBase.has(k)) out.push(v);
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return key(a) === key(b);
}

/** A stable text form: object keys sorted, so field order never makes values differ. */
function key(value: unknown): string {
  return (
    JSON.stringify(value, (_, v: unknown) =>
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
        : v,
    ) ?? 'undefined'
  );
}
