import type { ContactType } from '../lib/domain/card-fields';
import { t, type MessageKey } from '../lib/platform/i18n';
import { labelText } from '../lib/ui/card-rows';

// Apart from the row editors: the popup's card shows these words and edits nothing.

export const TYPE_WORDS: Record<ContactType, MessageKey> = {
  work: 'card_typeWork',
  home: 'card_typeHome',
  mobile: 'card_typeMobile',
  fax: 'card_typeFax',
  pager: 'card_typePager',
  other: 'card_typeOther',
};

/** How a value's type reads: its own label, or its types' words ("Work, fax"). */
export function typeWords(row: { types: readonly ContactType[]; label?: string }): string {
  if (row.label) return labelText(row.label);
  return row.types.map((type) => t(TYPE_WORDS[type])).join(', ');
}
