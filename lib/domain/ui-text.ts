import { ERROR_TEXT_CODES } from './error-text';

/**
 * Words that lib/ (and the background or the import worker, which run it) has for
 * the user, as a code and the values it names, never as a sentence: the page that
 * shows them words them in its own language through the catalogue
 * (lib/ui/ui-text.ts). What is stored (undo entries) or crosses a message or the
 * worker boundary keeps this shape (checked by ./ui-text-schema), so a record written
 * under one language reads in another.
 *
 * @example uiText('import_csv_bad_email', { value: 'ada@' })
 */
export const UI_TEXT_CODES = [
  // Undo entries: what an action took, as the toast and Recently deleted name it.
  'undo_party',
  'undo_parties',
  'undo_part',
  'undo_kind',
  'undo_tag',
  'undo_untag',
  'undo_import',
  // Amounts as typed.
  'amount_empty',
  'amount_digits_only',
  'amount_decimal_once',
  'amount_unreadable',
  'amount_no_minor_unit',
  'amount_too_precise',
  'amount_too_large',
  // Reading an import file.
  'import_not_read',
  'import_file_empty',
  'import_file_too_large',
  'import_not_contacts',
  'import_not_text',
  'import_draft_invalid',
  'import_phone_unreadable',
  'import_too_long',
  'import_too_many',
  'import_csv_unreadable_row',
  'import_csv_too_many_rows',
  'import_csv_extra_cells',
  'import_csv_bad_email',
  'import_csv_no_name',
  'import_csv_unknown_kind',
  'import_vcard_not_vcard',
  'import_vcard_not_text',
  'import_vcard_no_end',
  'import_vcard_cut_short',
  'import_vcard_too_many',
  'import_vcard_no_cards',
  'import_card_not_property',
  'import_card_value_unreadable',
  'import_card_bad_email',
  'import_card_no_name',
  'import_card_bad_date',
  'import_card_photo_too_large',
  'import_card_unknown_kind',
  'import_backup_broken_json',
  'import_backup_not_backup',
  'import_backup_version',
  'import_backup_no_date',
  'import_backup_no_schema',
  'import_backup_no_stores',
  'import_backup_store_missing',
  'import_backup_invalid_record',
  'import_backup_duplicate_id',
  'import_backup_duplicate_request',
  ...ERROR_TEXT_CODES,
] as const;
export type UiTextCode = (typeof UI_TEXT_CODES)[number];

// Free of zod, like ./money-format: the pages build these too. The schema that checks
// them where they are stored or received is ./ui-text-schema. A value may be another
// code's words (a refused restore names the backup's problem inside its own sentence).
export type UiTextValue = string | number | UiText;
export type UiTextParams = { [name: string]: UiTextValue };
export interface UiText {
  code: UiTextCode;
  params: UiTextParams;
}

export const uiText = (code: UiTextCode, params: UiTextParams = {}): UiText => ({ code, params });
