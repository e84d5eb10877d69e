import { foldText } from '../domain/fold';
import { spellLatin } from './latin';

export type PreparedQuery =
  | { kind: 'empty' }
  | {
      kind: 'text';
      /** The whole query, folded like the rows' haystack. */
      folded: string;
      /** Its words in the order typed, joined by one space. */
      phrase: string;
      /** Its words, longest first: the rarest word rejects a row soonest. */
      terms: string[];
      /** Set when the query is a phone number however written: its digits only. */
      digits?: string;
    };

const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const PHONE_LIKE = /^[\d\s()+.\-/]+$/;
// Punctuation around a word is how it was typed, not what it means (`smith,`);
// a leading `@` is kept because it asks for a domain (`@acme`).
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}@]+|[^\p{L}\p{N}]+$/gu;

/** Reads what the user typed into the shape the index matches against. */
export function prepareQuery(raw: string): PreparedQuery {
  const folded = spellLatin(foldText(raw));
  if (!HAS_LETTER_OR_DIGIT.test(folded)) return { kind: 'empty' };
  const words = folded
    .split(' ')
    .map((word) => word.replace(EDGE_PUNCTUATION, ''))
    .filter((word) => HAS_LETTER_OR_DIGIT.test(word));
  const terms = [...new Set(words)].sort((a, b) => b.length - a.length);
  const query: PreparedQuery = { kind: 'text', folded, phrase: words.join(' '), terms };
  if (PHONE_LIKE.test(folded)) query.digits = folded.replace(/\D/g, '');
  return query;
}
