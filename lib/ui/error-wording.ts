import type { ERROR_TEXT_CODES } from '../domain/error-text';
import { formatNumber, t, tCount } from '../platform/i18n';
import type { RelationshipKind } from '../domain/relationship';
import { KIND_LABELS } from './format';
import { counted, message, type Params } from './text-params';

type ErrorTextCode = (typeof ERROR_TEXT_CODES)[number];

/** The page's words for what the background refused or reported (lib/domain/error-text.ts). */
export const ERROR_WORDING: Record<ErrorTextCode, (p: Params) => string> = {
  error_record_gone: message('text_error_recordGone'),
  error_records_gone: message('text_error_recordsGone'),
  error_merge_record_gone: message('text_error_mergeRecordGone'),
  error_follow_up_gone: message('text_error_followUpGone'),
  error_interaction_gone: message('text_error_interactionGone'),
  error_engagement_gone: message('text_error_engagementGone'),
  error_purchase_gone: message('text_error_purchaseGone'),
  error_service_gone: message('text_error_serviceGone'),
  error_entry_gone: message('text_error_entryGone'),
  error_undo_gone: message('text_error_undoGone'),
  error_undo_clash: message('text_error_undoClash', 'value', 'owner'),
  error_import_not_listed: message('text_error_importNotListed'),
  error_import_undone: message('text_error_importUndone'),
  error_not_logged_email: message('text_error_notLoggedEmail'),

  error_invalid_field: (p) =>
    p.text('field') ? t('text_error_invalidField', p.text('field')) : t('text_error_invalidInput'),
  error_link_person_only: message('text_error_linkPersonOnly'),
  error_time_passed: message('text_error_timePassed'),
  error_follow_up_done: message('text_error_followUpDone'),
  error_no_check_ins: message('text_error_noCheckIns', 'name'),
  error_check_in_later: message('text_error_checkInLater'),
  error_service_name_taken: message('text_error_serviceNameTaken', 'name'),
  error_service_in_use: counted('text_error_serviceInUse', 'count'),
  error_service_exists: message('text_error_serviceExists'),
  error_end_before_start: message('text_error_endBeforeStart'),
  error_renewal_before_start: message('text_error_renewalBeforeStart'),
  error_terms_missing: message('text_error_termsMissing'),
  error_engagement_needs_service: message('text_error_engagementNeedsService'),
  error_amount_not_positive: message('text_error_amountNotPositive'),
  error_billing_period: message('text_error_billingPeriod'),
  error_already_on_record: message('text_error_alreadyOnRecord', 'value', 'owner'),
  error_not_domain: message('text_error_notDomain', 'value'),
  error_not_email: message('text_import_badEmail', 'value'),
  error_not_phone: message('text_error_notPhone', 'value', 'region'),
  error_not_prospect: message('text_error_notProspect', 'name'),
  error_request_used: message('text_error_requestUsed'),
  error_merge_changed: message('text_error_mergeChanged'),
  error_merge_self: message('text_error_mergeSelf'),
  error_merge_notes_too_long: message('text_error_mergeNotesTooLong', 'name', 'limit'),

  error_unknown_message: message('text_error_unknownMessage', 'name'),
  error_forbidden_sender: message('text_error_forbiddenSender', 'name'),
  error_bad_request: message('text_error_badRequest', 'name'),
  error_internal: message('text_error_internal'),
  error_internal_reply: message('text_error_internalReply'),
  error_unreachable: message('text_error_unreachable', 'detail'),
  error_bad_reply: message('text_error_badReply', 'name'),
  error_storage_full: message('text_error_storageFull'),
  error_storage_unavailable: message('text_error_storageUnavailable'),
  error_storage_blocked: message('text_error_storageBlocked'),

  restore_unknown_version: message('text_restore_unknownVersion'),
  restore_not_empty: (p) =>
    p.text('count') === ''
      ? t('text_restore_notEmpty')
      : tCount('text_restore_notEmptyCount', p.count('count')),
  restore_out_of_order: message('text_restore_outOfOrder', 'store'),
  restore_incomplete: message('text_restore_incomplete', 'store'),
  // The backup's own problem, where it is, then that nothing was written.
  restore_refused: (p) => {
    const problem = p.text('problem');
    const at =
      p.text('line') !== ''
        ? t('text_import_atLine', formatNumber(p.count('line')), problem)
        : p.text('path')
          ? t('text_import_atPath', p.text('path'), problem)
          : problem;
    return t('text_restore_refused', at);
  },
  restore_interrupted: message('text_restore_interrupted'),

  import_cancelled: message('text_import_cancelled'),
  bulk_cancelled: message('bulk_cancelled'),
  import_phones_kept: counted('text_import_phonesKept', 'count', 'phones'),
  card_link_not_found: message('text_cardLink_notFound'),
  card_link_unsupported: message('text_cardLink_unsupported'),
  card_link_other_site: message('text_cardLink_otherSite'),
  card_link_no_answer: message('text_cardLink_noAnswer'),
  card_link_unreadable_page: message('text_cardLink_unreadablePage'),
  card_link_status: message('text_cardLink_status', 'status'),
  card_link_too_large: message('text_cardLink_tooLarge', 'size'),
  card_link_fetch_failed: message('text_cardLink_fetchFailed', 'detail'),

  menu_page_unreadable: message('text_menu_pageUnreadable'),
  menu_no_contacts: message('text_menu_noContacts'),
  menu_found_contacts: counted('text_menu_foundContacts', 'count'),
  menu_not_contact: message('text_menu_notContact', 'text'),
  menu_never_capture: message('text_menu_neverCapture', 'value'),
  menu_not_added: message('panel_not_added', 'reason'),
  menu_added: (p) => t('text_menu_added', p.text('name'), kindLabel(p.text('kind'))),
  menu_already_on_file: (p) =>
    p.text('by') === 'phone'
      ? t('text_menu_alreadyByPhone', p.text('name'))
      : t('text_menu_alreadyByEmail', p.text('name')),
  menu_not_on_file: message('text_menu_notOnFile', 'name'),
  menu_failed: message('text_menu_failed', 'detail'),
};

const kindLabel = (kind: string) => KIND_LABELS[kind as RelationshipKind] ?? kind;
