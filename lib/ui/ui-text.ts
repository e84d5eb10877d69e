import type { RelationshipKind } from '../domain';
import type { UiText, UiTextCode } from '../domain/ui-text';
import { formatNumber, t, tCount, type MessageKey } from '../platform/i18n';
import { ERROR_WORDING } from './error-wording';
import { KIND_LABELS } from './format';
import { counted, message, reader, type Params } from './text-params';

/**
 * The page's words for what lib/ said as a code (lib/domain/ui-text.ts). A plain
 * string is shown as it is: undo entries stored before labels were codes.
 *
 * @example say({ code: 'undo_parties', params: { count: 3 } }) // "3 records"
 */
export function say(text: UiText | string): string {
  if (typeof text === 'string') return text;
  return WORDING[text.code](reader(text.params, say));
}

const PART_KEYS: Record<string, [withName: MessageKey, alone: MessageKey]> = {
  interactions: ['text_undo_interaction', 'text_undo_interaction_alone'],
  followUps: ['text_undo_followUp', 'text_undo_followUp_alone'],
  engagements: ['text_undo_engagement', 'text_undo_engagement_alone'],
  purchases: ['text_undo_purchase', 'text_undo_purchase_alone'],
};

const kindLabel = (kind: string) => KIND_LABELS[kind as RelationshipKind] ?? kind;

const WORDING: Record<UiTextCode, (p: Params) => string> = {
  undo_party: (p) => p.text('name'),
  undo_parties: counted('text_undo_parties', 'count'),
  undo_part: (p) => {
    const [withName, alone] = PART_KEYS[p.text('store')] ?? PART_KEYS.interactions!;
    return p.text('name') ? t(withName, p.text('name')) : t(alone);
  },
  undo_kind: (p) => tCount('text_undo_kind', p.count('count'), kindLabel(p.text('kind'))),
  undo_tag: counted('text_undo_tag', 'count', 'tag'),
  undo_untag: counted('text_undo_untag', 'count', 'tag'),
  undo_import: (p) =>
    p.text('fileName')
      ? tCount('text_undo_import', p.count('count'), p.text('fileName'))
      : tCount('text_undo_importUnnamed', p.count('count')),

  amount_empty: message('text_amount_empty'),
  amount_digits_only: message('text_amount_digitsOnly', 'decimal'),
  amount_decimal_once: message('text_amount_decimalOnce', 'decimal'),
  amount_unreadable: message('text_amount_unreadable', 'decimal'),
  amount_no_minor_unit: message('text_amount_noMinorUnit', 'currency'),
  amount_too_precise: counted('text_amount_tooPrecise', 'digits', 'currency'),
  amount_too_large: message('text_amount_tooLarge'),

  import_not_read: message('text_import_notRead'),
  import_file_empty: message('text_import_fileEmpty'),
  import_file_too_large: message('text_import_fileTooLarge'),
  import_not_contacts: message('text_import_notContacts', 'columns'),
  import_not_text: message('text_import_notText'),
  import_draft_invalid: message('text_import_draftInvalid', 'field'),
  import_phone_unreadable: message('text_import_phoneUnreadable', 'phones'),
  import_too_long: (p) => t(TOO_LONG[p.text('field')] ?? 'text_import_tooLong_name'),
  import_too_many: (p) => t(TOO_MANY[p.text('field')] ?? 'text_import_tooMany_emails'),
  import_csv_unreadable_row: message('text_import_csvUnreadableRow'),
  import_csv_too_many_rows: message('text_import_csvTooManyRows', 'max'),
  import_csv_extra_cells: message('text_import_csvExtraCells', 'cells', 'named'),
  import_csv_bad_email: message('text_import_badEmail', 'value'),
  import_csv_no_name: message('text_import_noName'),
  import_csv_unknown_kind: (p) =>
    t('text_import_unknownKind', p.text('value'), kindLabel(p.text('kind'))),
  import_vcard_not_vcard: message('text_import_notVcard'),
  import_vcard_not_text: message('text_import_vcardNotText'),
  import_vcard_no_end: message('text_import_vcardNoEnd'),
  import_vcard_cut_short: message('text_import_vcardCutShort'),
  import_vcard_too_many: message('text_import_vcardTooMany', 'max'),
  import_vcard_no_cards: message('text_import_vcardNoCards'),
  import_card_not_property: message('text_import_cardNotProperty'),
  import_card_value_unreadable: message('text_import_cardValueUnreadable', 'property'),
  import_card_bad_email: message('text_import_cardBadEmail', 'value'),
  import_card_no_name: message('text_import_noName'),
  import_card_bad_date: message('text_import_cardBadDate', 'value'),
  import_card_photo_too_large: message('text_import_cardPhotoTooLarge', 'name', 'size'),
  import_card_unknown_kind: message('text_import_cardUnknownKind', 'value'),
  import_backup_broken_json: (p) =>
    p.count('line') > 0
      ? t('text_import_backupBrokenJsonAt', p.text('line'), p.text('column'))
      : t('text_import_backupBrokenJson'),
  import_backup_not_backup: message('text_import_backupNotBackup'),
  import_backup_version: message('text_import_backupVersion', 'found', 'expected'),
  import_backup_no_date: message('text_import_backupNoDate'),
  import_backup_no_schema: message('text_import_backupNoSchema'),
  import_backup_no_stores: message('text_import_backupNoStores'),
  import_backup_store_missing: message('text_import_backupStoreMissing', 'store'),
  import_backup_invalid_record: (p) =>
    p.text('id')
      ? t('text_import_backupInvalidRecordId', p.text('field'), p.text('id'))
      : t('text_import_backupInvalidRecord', p.text('field')),
  import_backup_duplicate_id: message('text_import_backupDuplicateId', 'id'),
  import_backup_duplicate_request: message('text_import_backupDuplicateRequest', 'id'),
  ...ERROR_WORDING,
};

const TOO_LONG: Record<string, MessageKey> = {
  name: 'text_import_tooLong_name',
  organization: 'text_import_tooLong_organization',
  title: 'text_import_tooLong_title',
  website: 'text_import_tooLong_website',
  notes: 'text_import_tooLong_notes',
  tag: 'text_import_tooLong_tag',
  phone: 'text_import_tooLong_phone',
};

const TOO_MANY: Record<string, MessageKey> = {
  emails: 'text_import_tooMany_emails',
  phones: 'text_import_tooMany_phones',
  tags: 'text_import_tooMany_tags',
};

/** "Line 12: …" or "stores.parties[3]: …": an import problem with where it is. */
export function describeProblem(problem: {
  line?: number;
  path?: string;
  message: UiText | string;
}): string {
  const text = say(problem.message);
  if (problem.line !== undefined) return t('text_import_atLine', formatNumber(problem.line), text);
  return problem.path ? t('text_import_atPath', problem.path, text) : text;
}

/** Problems with their words: for lists shown whole, and for tests that read them. */
export const wordProblems = <T extends { message: UiText | string }>(problems: readonly T[]) =>
  problems.map((problem) => ({ ...problem, message: say(problem.message) }));
