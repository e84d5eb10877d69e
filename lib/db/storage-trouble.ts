import type { DomainError } from '../domain/result';
import { uiText, type UiText } from '../domain/ui-text';

/**
 * Storage trouble the user can act on, as opposed to a bug: the browser's quota
 * for the extension is used up, or IndexedDB cannot be opened at all (some private
 * windows refuse it, a profile on a full or read-only disk fails to open it).
 * Anything that reaches a reply or a notice says so in plain words; nothing fails
 * silently behind "something went wrong".
 */
export type StorageTroubleCode = 'storage_full' | 'storage_unavailable';

// Their words, as codes the page words (lib/ui/error-wording.ts): full, unavailable in
// this window, or held by an older Clientele page.
export const STORAGE_FULL_MESSAGE: UiText = uiText('error_storage_full');
export const STORAGE_UNAVAILABLE_MESSAGE: UiText = uiText('error_storage_unavailable');
export const STORAGE_BLOCKED_MESSAGE: UiText = uiText('error_storage_blocked');

export class StorageTrouble extends Error {
  override readonly name = 'StorageTrouble';

  constructor(
    readonly code: StorageTroubleCode,
    /** What the user is told; the Error's own message (for logs) is its code. */
    readonly words: UiText,
    options?: { cause?: unknown },
  ) {
    super(words.code, options);
  }

  /** As a reply's error: the stable code and its words. */
  toDomainError(): DomainError {
    return { code: this.code, message: this.words };
  }
}

/**
 * DOMException names the quota raises. Firefox once used its own name, and very
 * old engines only the legacy code 22; the name is read rather than `instanceof`,
 * which fails across realms (and in fake-indexeddb).
 */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const LEGACY_QUOTA_CODE = 22;

function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return (typeof name === 'string' && QUOTA_NAMES.has(name)) || code === LEGACY_QUOTA_CODE;
}

/**
 * The storage trouble behind `error`, if that is what it is: a StorageTrouble
 * already, or a quota error anywhere along its `cause` chain (an aborted
 * transaction carries it as its own error). Anything else is left to the caller.
 */
export function storageTroubleOf(error: unknown): StorageTrouble | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    if (current instanceof StorageTrouble) return current;
    if (isQuotaError(current))
      return new StorageTrouble('storage_full', STORAGE_FULL_MESSAGE, { cause: error });
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * The failure of `indexedDB.open` as the user should hear it. A full quota stays
 * "full"; a database written by a newer Clientele (VersionError) is passed through
 * unchanged, since it is neither the window's fault nor fixed by another one.
 */
export function openFailure(error: unknown): Error {
  const known = storageTroubleOf(error);
  if (known) return known;
  if (error instanceof Error && error.name === 'VersionError') return error;
  return new StorageTrouble('storage_unavailable', STORAGE_UNAVAILABLE_MESSAGE, { cause: error });
}

/**
 * For repositories and handlers that answer with a Result instead of throwing:
 * the user-facing error for storage trouble, or undefined for anything else.
 */
export function storageFailure(error: unknown): DomainError | undefined {
  return storageTroubleOf(error)?.toDomainError();
}
