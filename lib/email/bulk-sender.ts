import { emailDomain } from '../domain/email';

// Automated and list senders: nobody the user keeps a relationship with. Read from
// the address alone, since list headers (List-Id, Precedence) never reach the page.
const AUTOMATED_LOCAL =
  /^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|notifications?|notify|alerts?|mailer[-_.]?daemon|postmaster|bounces?|newsletters?|digest|automated|auto[-_.]?confirm|unsubscribe)(?:[-_.+].*)?$/;
// A list's own addresses (`team-request@`, `dev-owner@`) and VERP bounce addresses (`bounces+…@`).
const LIST_LOCAL = /(?:-request|-owner|-bounces?|\+bounces?)$|^bounces?\+/;
// Hosts that only ever send bulk or list mail.
const BULK_DOMAIN =
  /^(?:bounce|bounces|lists?|mailer|e|em|email|news|newsletter|mail\d*|mg|mkt|marketing)\.|(?:^|\.)googlegroups\.com$|(?:^|\.)groups\.io$/;

/**
 * Whether mail from or to this (normalised) address is automated, a mailing list or
 * bulk mail: never logged, never offered as a new contact.
 *
 * @example isBulkAddress('noreply@shop.example') // true
 */
export function isBulkAddress(email: string): boolean {
  const local = email.slice(0, email.lastIndexOf('@'));
  return (
    AUTOMATED_LOCAL.test(local) || LIST_LOCAL.test(local) || BULK_DOMAIN.test(emailDomain(email))
  );
}
