import { findPartiesByContacts } from '../db/party-repository';
import type { ClienteleDb } from '../db/open';
import { normalizeEmail } from '../domain/email';
import { createNeverCapture } from '../findings/never-capture';
import type { ThreadReportMessage } from '../protocol/areas/email';
import { decideThread, type ThreadDecision } from './decide-thread';
import type { EmailLogSettings } from './email-settings';
import { messageIdentity } from './message-identity';

/** Every address in a thread's headers, normalised, to look up at once. */
function threadAddresses(thread: ThreadReportMessage): string[] {
  const emails = new Set<string>();
  for (const message of thread.messages) {
    for (const person of [...(message.from ? [message.from] : []), ...message.to]) {
      const email = normalizeEmail(person.email);
      if (email) emails.add(email);
    }
  }
  return [...emails];
}

/** The thread judged against the records: which messages with which known parties. */
export async function judgeThread(
  db: ClienteleDb,
  thread: ThreadReportMessage,
  settings: { emailLog: EmailLogSettings; neverCapture: readonly string[] },
  now: number,
): Promise<ThreadDecision> {
  const { byEmail: parties } = await findPartiesByContacts(db, { emails: threadAddresses(thread) });
  const known = new Map(
    [...parties].map(([email, party]) => [email, { id: party.id, name: party.name }]),
  );
  return decideThread(thread, {
    settings: settings.emailLog,
    neverCapture: createNeverCapture(settings.neverCapture),
    known,
    now,
  });
}

/** A thread's identity for "People you email": its first message's, so any view of it counts once. */
export function threadKeyOf(thread: ThreadReportMessage): string | undefined {
  const first = thread.messages[0];
  return first && messageIdentity(thread.site, first, thread.subject);
}
