// Addresses that send for a system rather than a person: notices, receipts, lists.
const BULK_LOCAL =
  /^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|mailer[-_.]?daemon|postmaster|bounces?|notifications?|notify|newsletters?|news|alerts?|updates|marketing|mailer|automated|auto[-_.]?confirm|billing[-_.]?noreply)(?:[-_.+].*)?$/i;

/**
 * Whether an address is a no-reply or bulk sender (`no-reply@…`, `notifications@…`,
 * `mailer-daemon@…`): the side panel never follows one while a person's message is open.
 */
export function isBulkSender(email: string): boolean {
  return BULK_LOCAL.test(email.slice(0, email.lastIndexOf('@')));
}
