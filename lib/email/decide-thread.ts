import type { Direction } from '../domain/interaction';
import { emailDomain, normalizeEmail } from '../domain/email';
import { isFreeMailDomain } from '../db/free-mail';
import type { ThreadReportMessage } from '../protocol/areas/email';
import { isBulkAddress } from './bulk-sender';
import { OPENING_LENGTH, type EmailLogSettings } from './email-settings';
import { parseMessageDate } from './message-date';
import { messageIdentity } from './message-identity';

/** Logs one thread may bring: a page forging message ids cannot grow the history past it. */
export const MAX_LOGS_PER_THREAD = 100;

export type SkipReason =
  | 'no sender'
  | 'no date'
  | 'bulk sender'
  | 'no known party'
  | 'never capture'
  | 'own domain'
  | 'thread cap';

/** One interaction to log: one message with one known party. */
export interface EmailCandidate {
  identity: string;
  partyId: string;
  partyName: string;
  direction: Direction;
  at: number;
  summary: string;
  link?: string;
}

export interface ThreadDecision {
  candidates: EmailCandidate[];
  /** Why each message (or person in it) was not logged, in the thread's order. */
  skipped: { reason: SkipReason; email?: string }[];
  /** Unknown people the user wrote to in this thread ("People you email"). */
  writtenTo: { email: string; name?: string }[];
}

export interface DecideContext {
  settings: EmailLogSettings;
  neverCapture: (email: string) => boolean;
  /** Known parties by normalised address. */
  known: ReadonlyMap<string, { id: string; name: string }>;
  now: number;
}

/**
 * What of a webmail thread becomes interactions. Direction is judged from the user's
 * own addresses (the options' list and the account the page shows); every known party
 * among a message's sender and recipients gets the message, bar the never-capture
 * list, bulk and list addresses and, when chosen, the user's own domain.
 */
export function decideThread(thread: ThreadReportMessage, context: DecideContext): ThreadDecision {
  const { settings } = context;
  const own = new Set(
    [...settings.ownAddresses, thread.account ?? ''].flatMap((raw) => normalizeEmail(raw) ?? []),
  );
  const ownDomains = new Set(
    [...own].map(emailDomain).filter((domain) => !isFreeMailDomain(domain)),
  );
  const link = /^https:\/\//i.test(thread.url) ? thread.url : undefined;
  const decision: ThreadDecision = { candidates: [], skipped: [], writtenTo: [] };
  for (const message of thread.messages) {
    const from = normalizeEmail(message.from?.email ?? '');
    if (!from) {
      decision.skipped.push({ reason: 'no sender' });
      continue;
    }
    if (isBulkAddress(from)) {
      decision.skipped.push({ reason: 'bulk sender', email: from });
      continue;
    }
    const at = parseMessageDate(message.date, context.now);
    if (at === undefined) {
      decision.skipped.push({ reason: 'no date', email: from });
      continue;
    }
    const direction: Direction = own.has(from) ? 'outbound' : 'inbound';
    const identity = messageIdentity(thread.site, message, thread.subject);
    const summary = [
      thread.subject ?? '',
      settings.keepOpening ? (message.opening ?? '').slice(0, OPENING_LENGTH) : '',
    ]
      .filter(Boolean)
      .join('\n\n');
    const people = [message.from!, ...message.to];
    let logged = false;
    for (const email of new Set(people.flatMap((person) => normalizeEmail(person.email) ?? []))) {
      if (own.has(email)) continue;
      const why = excluded(email, context, ownDomains);
      if (why) {
        decision.skipped.push({ reason: why, email });
        continue;
      }
      const party = context.known.get(email);
      if (!party) {
        if (direction === 'outbound') {
          const name = people.find((person) => person.email === email)?.name;
          decision.writtenTo.push(name ? { email, name } : { email });
        }
        continue;
      }
      if (decision.candidates.some((c) => c.identity === identity && c.partyId === party.id))
        continue; // one party at two of its addresses: one log
      if (decision.candidates.length >= MAX_LOGS_PER_THREAD) {
        decision.skipped.push({ reason: 'thread cap', email });
        continue;
      }
      logged = true;
      decision.candidates.push({
        identity,
        partyId: party.id,
        partyName: party.name,
        direction,
        at,
        summary,
        ...(link && { link }),
      });
    }
    if (!logged) decision.skipped.push({ reason: 'no known party', email: from });
  }
  return decision;
}

function excluded(
  email: string,
  context: DecideContext,
  ownDomains: ReadonlySet<string>,
): SkipReason | undefined {
  if (context.neverCapture(email)) return 'never capture';
  if (isBulkAddress(email)) return 'bulk sender';
  if (context.settings.skipOwnDomain && ownDomains.has(emailDomain(email))) return 'own domain';
  return undefined;
}
