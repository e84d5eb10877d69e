// Small helpers the "Your data" section's parts share.
import type { RelationshipKind } from '../../../lib/domain/relationship';
import { tCount, uiLanguage, type MessageKey } from '../../../lib/platform/i18n';
import type { LeftOut } from '../../../lib/transfer/csv-contacts';

export const KINDS: RelationshipKind[] = ['prospect', 'customer', 'client', 'former'];
/** A count written for the page's language ("1,234", "1.234"). */
export const number = (n: number) => n.toLocaleString(uiLanguage());

/** The kinds as the import and restore choices word them. */
export const KIND_NAMES: Record<RelationshipKind, MessageKey> = {
  prospect: 'options_kind_prospect',
  customer: 'options_kind_customer',
  client: 'options_kind_client',
  former: 'options_kind_former',
};

/** Hands text to the user as a file: a Blob URL on a temporary <a download>. */
export function downloadFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, so the download has its data.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * What a contacts-app export had no column for, in a sentence ("The Outlook layout
 * has no column for 2 phone numbers and 1 website (on 2 contacts)…"), or "".
 */
export function leftOutWords(left: LeftOut, layout: string): string {
  const parts = (['emails', 'phones', 'addresses', 'websites'] as const)
    .filter((what) => left[what] > 0)
    .map((what) => tCount(`options_export_left_${what}`, left[what]));
  if (parts.length === 0) return '';
  const what = new Intl.ListFormat(uiLanguage(), { type: 'conjunction' }).format(parts);
  return tCount('options_export_left_out', left.parties, layout, what);
}
