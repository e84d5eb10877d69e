import { z } from 'zod';
import { lazy } from '../domain/lazy';

/**
 * The shape of a `_locales/<lang>/messages.json` file, as browsers read it:
 * a message, and named placeholders whose content is `$1`…`$9` (the substitutions)
 * or literal text. Parsed, not trusted, wherever a catalogue is read as data
 * (tests, the pseudo-locale build).
 */
export const CatalogueSchema = lazy(() =>
  z.record(
    z.string().regex(/^[A-Za-z0-9_@]+$/),
    z.object({
      message: z.string(),
      description: z.string().optional(),
      placeholders: z.record(z.string(), z.object({ content: z.string() })).optional(),
    }),
  ),
);
export type Catalogue = z.infer<typeof CatalogueSchema>;

/**
 * Formats one message as `browser.i18n.getMessage` does: `$NAME$` placeholders are
 * replaced by their content, in which `$1`…`$9` stand for the substitutions, and
 * `$$` is a literal dollar. Used where the browser's own lookup is absent (unit
 * tests run on a fake browser) — the extension itself always asks the browser.
 *
 * @example formatMessage(catalogue, 'welcome_step', ['2', '5']) // "Step 2 of 5"
 */
export function formatMessage(
  catalogue: Catalogue,
  key: string,
  substitutions: readonly string[] = [],
): string {
  const entry = catalogue[key];
  if (!entry) return '';
  const substitute = (text: string) =>
    text.replace(/\$(\d)/g, (_, digit: string) => substitutions[Number(digit) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? substitute(placeholder.content) : whole;
    })
    .replace(/\$\$/g, '$');
}

/** The placeholder names a message uses, so that every locale can be checked to use the same. */
export function placeholderNames(catalogue: Catalogue, key: string): string[] {
  return Object.keys(catalogue[key]?.placeholders ?? {}).sort();
}
