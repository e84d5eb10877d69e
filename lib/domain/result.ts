import { uiText, type UiText, type UiTextCode, type UiTextParams } from './ui-text';

/**
 * A failure the user can act on: a stable code for programs, and its words as a
 * text code with the values it names (./ui-text), which the page that shows it
 * words in its own language (lib/ui/ui-text.ts `say`).
 */
export interface DomainError {
  code: string;
  message: UiText;
}

export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E = DomainError>(error: E): Result<never, E> => ({ ok: false, error });

/**
 * A DomainError from its code and words.
 *
 * @example err(refusal('not_found', 'error_record_gone'))
 */
export const refusal = (code: string, text: UiTextCode, params?: UiTextParams): DomainError => ({
  code,
  message: uiText(text, params),
});
