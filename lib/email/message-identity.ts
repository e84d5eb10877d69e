import type { ThreadReportMessage } from '../protocol/areas/email';

type Message = ThreadReportMessage['messages'][number];

/**
 * A message's identity, the same from every tab and every reading: the webmail's own
 * id when the page shows one (Gmail's message ids, Outlook's item id), else its
 * sender, date and subject. Gmail gives an expanded message `#msg-f:<decimal>` and a
 * collapsed one its legacy id, the same number in hex: both are read as one number,
 * so a message collapsed in one tab and expanded in another is one message.
 */
export function messageIdentity(
  site: string,
  message: Message,
  subject: string | undefined,
): string {
  const id = message.id?.trim();
  if (id) return `${site}:id:${site === 'gmail' ? gmailNumber(id) : id}`;
  return `${site}:hash:${message.from?.email ?? ''}\n${message.date ?? ''}\n${subject ?? ''}`;
}

function gmailNumber(id: string): string {
  const decimal = /^msg-[af]:(\d{1,20})$/.exec(id)?.[1];
  if (decimal) return BigInt(decimal).toString(16);
  return /^[0-9a-f]{1,16}$/i.test(id) ? id.toLowerCase().replace(/^0+/, '') : id;
}

/**
 * The request id of one party's interaction for one message: a digest of both, so the
 * unique `byRequestId` index refuses the same log twice, whatever tab or worker writes it.
 */
export async function emailRequestId(identity: string, partyId: string): Promise<string> {
  const bytes = new TextEncoder().encode(`${identity}\n${partyId}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const byte of digest.subarray(0, 20)) hex += byte.toString(16).padStart(2, '0');
  return `email:${hex}`;
}
