/*
 * What is due, and the three things done to it (done, done and logged, snoozed). One
 * file, a little over 300 lines, because the reads and the writes share the item
 * model and its occurrence keys, which the reminders depend on never changing.
 */
import {
  cadenceDays,
  datesAheadOf,
  endOfLocalDay,
  err,
  FollowUpSchema,
  healthFor,
  localDayAt,
  ok,
  refusal,
  PartySchema,
  type CadenceDefaults,
  type Direction,
  type FollowUp,
  type Instant,
  type Interaction,
  type InteractionType,
  type Party,
  type RelationshipKind,
  type Result,
  type TimeZone,
} from '../domain';
import type { IDBPTransaction } from 'idb';
import { inTransaction } from './in-transaction';
import { logInteraction } from './interaction-repository';
import type { RepositoryContext } from './party-repository';
import type { ClienteleSchema } from './schema';
import { projectParty } from './search-projection';

/** Which due thing an action is about. */
export type DueRef = { kind: 'followUp'; id: string } | { kind: 'checkIn'; partyId: string };

/** Overdue: a date before today. Today: due today. Soon: a check-in in its due-soon window. */
export type DueState = 'overdue' | 'today' | 'soon';

export interface DueItem {
  kind: DueRef['kind'];
  /**
   * Names this occurrence: a snoozed follow-up or a reset check-in gets a new key, so
   * it is announced again when it next comes due, and never twice before that.
   */
  key: string;
  partyId: string;
  partyName: string;
  partyKind: RelationshipKind;
  dueAt: Instant;
  state: DueState;
  followUpId?: string;
  note?: string;
}

export interface DueSnapshot {
  /** Everything due by the end of today and the check-ins due soon, soonest due first. */
  items: DueItem[];
  /** How many are due today or overdue (due-soon check-ins are not counted). */
  count: number;
  /** The next moment something not yet due comes due, for the reminder alarm. */
  nextDueAt?: Instant;
}

const WRITE = { durability: 'strict' } as const;
// The due-soon window is at most seven dates, so nothing further out can be listed.
const HORIZON_DATES = 8;

/** Reads what is due as of now, counting dates in `zone`. */
export async function readDue(context: RepositoryContext, zone: TimeZone): Promise<DueSnapshot> {
  const { cadence } = await context.settings();
  const now = context.clock();
  const db = await context.getDb();
  const tx = db.transaction(['parties', 'followUps'], 'readonly');
  const parties = tx.objectStore('parties');
  const byDue = tx.objectStore('followUps').index('byDue');

  const horizon = localDayAt(now, HORIZON_DATES, zone);
  const checkIns = await parties
    .index('byNextCheckIn')
    .getAll(IDBKeyRange.upperBound(horizon, true));
  // Done follow-ups stay in byDue; they are skipped here (a compound index would need a new version).
  const endOfToday = endOfLocalDay(now, zone);
  const followUps = (await byDue.getAll(IDBKeyRange.upperBound(endOfToday, true)))
    .map((value) => FollowUpSchema.safeParse(value))
    .flatMap((parsed) => (parsed.success && parsed.data.status === 'open' ? [parsed.data] : []));
  // Owners are mostly among the parties just read; the rest are read once each.
  const known = new Map<string, unknown>(checkIns.map((party) => [party.id, party]));
  const missing = [...new Set(followUps.map((followUp) => followUp.partyId))].filter(
    (id) => !known.has(id),
  );
  const fetched = await Promise.all(missing.map((id) => parties.get(id)));
  missing.forEach((id, i) => known.set(id, fetched[i]));
  const nextDueAt = await nextAfter(tx, now, cadence);
  await tx.done;

  const datesAhead = datesAheadOf(now, zone, HORIZON_DATES - 1);
  const owners = new Map<string, Party | undefined>();
  const ownerOf = (id: string) => {
    if (!owners.has(id)) {
      const parsed = PartySchema.safeParse(known.get(id));
      owners.set(id, parsed.success ? parsed.data : undefined);
    }
    return owners.get(id);
  };
  const items: DueItem[] = [];
  for (const followUp of followUps) {
    const owner = ownerOf(followUp.partyId);
    if (!owner) continue; // its party is gone or unreadable: nothing to act on
    const overdue = datesAhead(followUp.dueAt) < 0;
    items.push(followUpItem(followUp, owner, overdue ? 'overdue' : 'today'));
  }
  for (const { id } of checkIns) {
    const party = ownerOf(id);
    if (!party) continue;
    const health = healthFor(party, cadence, datesAhead);
    if (health !== 'overdue' && health !== 'due-soon') continue;
    const dueToday = datesAhead(party.nextCheckInAt ?? 0) === 0;
    items.push(checkInItem(party, health === 'overdue' ? 'overdue' : dueToday ? 'today' : 'soon'));
  }
  items.sort((a, b) => a.dueAt - b.dueAt || a.key.localeCompare(b.key));
  const count = items.filter((item) => item.state !== 'soon').length;
  return nextDueAt === undefined ? { items, count } : { items, count, nextDueAt };
}

/** What an action on `item` is about. */
export function refOf(item: DueItem): DueRef {
  return item.kind === 'followUp' && item.followUpId !== undefined
    ? { kind: 'followUp', id: item.followUpId }
    : { kind: 'checkIn', partyId: item.partyId };
}

function followUpItem(followUp: FollowUp, party: Party, state: DueState): DueItem {
  return {
    kind: 'followUp',
    key: `followUp:${followUp.id}:${followUp.dueAt}`,
    partyId: party.id,
    partyName: party.name,
    partyKind: party.kind,
    dueAt: followUp.dueAt,
    state,
    followUpId: followUp.id,
    note: followUp.note,
  };
}

function checkInItem(party: Party, state: DueState): DueItem {
  const dueAt = party.nextCheckInAt ?? 0;
  return {
    kind: 'checkIn',
    key: `checkIn:${party.id}:${dueAt}`,
    partyId: party.id,
    partyName: party.name,
    partyKind: party.kind,
    dueAt,
    state,
  };
}

type DueReadTx = IDBPTransaction<ClienteleSchema, ('parties' | 'followUps')[], 'readonly'>;

/** The first open follow-up or chased check-in due after `now`. */
async function nextAfter(
  tx: DueReadTx,
  now: Instant,
  cadence: CadenceDefaults,
): Promise<Instant | undefined> {
  const after = IDBKeyRange.lowerBound(now, true);
  let followUp = await tx.objectStore('followUps').index('byDue').openCursor(after);
  while (followUp && followUp.value.status !== 'open') followUp = await followUp.continue();
  let party = await tx.objectStore('parties').index('byNextCheckIn').openCursor(after);
  while (party && cadenceDays(party.value, cadence) === null) party = await party.continue();
  const candidates = [followUp?.value.dueAt, party?.value.nextCheckInAt].filter(
    (value): value is number => value !== undefined,
  );
  return candidates.length > 0 ? Math.min(...candidates) : undefined;
}

export interface LogChoice {
  type: InteractionType;
  direction: Direction;
  /** Absent: the follow-up's note, or the words for a bare "done" (DoneWords). */
  summary?: string;
}

/**
 * What an interaction logged by "done" says when the user wrote nothing (and a
 * follow-up had no note), in the user's language: the caller takes them from the
 * catalogue (`due_followUpDone`, `due_checkedIn`). They are stored as the summary's
 * text, as a typed one is, so a CalDAV client, the CSV export and a backup read them
 * as they are.
 */
export interface DoneWords {
  followUpDone: string;
  checkedIn: string;
}

export interface CompleteOptions {
  log?: LogChoice;
  requestId?: string;
  words: DoneWords;
}

export interface CompleteOutcome {
  /** The follow-up as now stored (follow-ups only). */
  followUp?: FollowUp;
  interaction?: Interaction;
  party?: Party;
  /** True when this had already been done: nothing new was written. */
  replayed: boolean;
}

/**
 * "Done". A follow-up is marked done, and with `log` an interaction is recorded
 * first through logInteraction, so the party's check-in resets in that same write.
 * A check-in is done by logging an interaction. Without a `requestId` the request
 * id names the occurrence (`followUp:<id>`, `checkIn:<party>:<due>`), so a retry
 * after a stopped worker, or a second click, never logs twice.
 */
export async function completeDue(
  context: RepositoryContext,
  ref: DueRef,
  options: CompleteOptions,
): Promise<Result<CompleteOutcome>> {
  return ref.kind === 'followUp'
    ? completeFollowUp(context, ref.id, options)
    : completeCheckIn(context, ref.partyId, options);
}

async function completeFollowUp(
  context: RepositoryContext,
  id: string,
  { log, requestId, words }: CompleteOptions,
): Promise<Result<CompleteOutcome>> {
  const db = await context.getDb();
  const stored = await db.get('followUps', id);
  if (!stored) return err(refusal('not_found', 'error_follow_up_gone'));
  const current = FollowUpSchema.parse(stored);
  if (current.status === 'done') return ok({ followUp: current, replayed: true });

  let logged: { interaction: Interaction; party: Party } | undefined;
  if (log) {
    // Logged before the follow-up is closed: if the worker stops in between, the
    // retry finds the interaction by its request id and only closes the follow-up.
    const outcome = await logInteraction(context, {
      partyId: current.partyId,
      type: log.type,
      direction: log.direction,
      summary: log.summary ?? (current.note.trim() || words.followUpDone),
      requestId: requestId ?? `followUp:${id}`,
    });
    if (!outcome.ok) return outcome;
    logged = { interaction: outcome.value.interaction, party: outcome.value.party };
  }

  const tx = db.transaction('followUps', 'readwrite', WRITE);
  const followUp = await inTransaction(tx, async () => {
    const latest = await tx.store.get(id);
    if (!latest) return undefined;
    const parsed = FollowUpSchema.parse(latest);
    if (parsed.status === 'done') return parsed;
    const now = context.clock();
    const done: FollowUp = { ...parsed, status: 'done', doneAt: now, updatedAt: now };
    await tx.store.put(done);
    return done;
  });
  if (!followUp) return err(refusal('not_found', 'error_follow_up_gone'));
  return ok({ followUp, ...logged, replayed: false });
}

async function completeCheckIn(
  context: RepositoryContext,
  partyId: string,
  { log, requestId, words }: CompleteOptions,
): Promise<Result<CompleteOutcome>> {
  const db = await context.getDb();
  const stored = await db.get('parties', partyId);
  if (!stored) return err(refusal('not_found', 'error_record_gone'));
  const party = PartySchema.parse(stored);
  const outcome = await logInteraction(context, {
    partyId,
    type: log?.type ?? 'note',
    direction: log?.direction ?? 'outbound',
    summary: log?.summary ?? words.checkedIn,
    requestId: requestId ?? `checkIn:${partyId}:${party.nextCheckInAt ?? 'none'}`,
  });
  if (!outcome.ok) return outcome;
  const { interaction, replayed } = outcome.value;
  return ok({ interaction, party: outcome.value.party, replayed });
}

export interface SnoozeOutcome {
  dueAt: Instant;
  followUp?: FollowUp;
  party?: Party;
}

/**
 * Moves a follow-up's due date, or a check-in's next date, to `until` (in the
 * future). A check-in only moves later; the party row and its search row change in
 * one transaction. The next interaction counts the check-in afresh from itself.
 */
export async function snoozeDue(
  context: RepositoryContext,
  ref: DueRef,
  until: Instant,
): Promise<Result<SnoozeOutcome>> {
  const now = context.clock();
  if (until <= now) return err(refusal('invalid', 'error_time_passed'));
  return ref.kind === 'followUp'
    ? snoozeFollowUp(context, ref.id, until)
    : snoozeCheckIn(context, ref.partyId, until);
}

async function snoozeFollowUp(
  context: RepositoryContext,
  id: string,
  until: Instant,
): Promise<Result<SnoozeOutcome>> {
  const db = await context.getDb();
  const tx = db.transaction('followUps', 'readwrite', WRITE);
  return inTransaction(tx, async (): Promise<Result<SnoozeOutcome>> => {
    const stored = await tx.store.get(id);
    if (!stored) return err(refusal('not_found', 'error_follow_up_gone'));
    const current = FollowUpSchema.parse(stored);
    if (current.status === 'done') return err(refusal('invalid', 'error_follow_up_done'));
    const followUp: FollowUp = { ...current, dueAt: until, updatedAt: context.clock() };
    await tx.store.put(followUp);
    return ok({ dueAt: until, followUp });
  });
}

async function snoozeCheckIn(
  context: RepositoryContext,
  partyId: string,
  until: Instant,
): Promise<Result<SnoozeOutcome>> {
  const { cadence } = await context.settings();
  const now = context.clock();
  const db = await context.getDb();
  const tx = db.transaction(['parties', 'searchBuckets'], 'readwrite', WRITE);
  return inTransaction(tx, async (): Promise<Result<SnoozeOutcome>> => {
    const stored = await tx.objectStore('parties').get(partyId);
    if (!stored) return err(refusal('not_found', 'error_record_gone'));
    const current = PartySchema.parse(stored);
    if (cadenceDays(current, cadence) === null || current.nextCheckInAt === undefined)
      return err(refusal('invalid', 'error_no_check_ins', { name: current.name }));
    if (until <= current.nextCheckInAt) return err(refusal('invalid', 'error_check_in_later'));
    const party: Party = { ...current, nextCheckInAt: until, updatedAt: now };
    await tx.objectStore('parties').put(party);
    await projectParty(tx, party);
    return ok({ dueAt: until, party });
  });
}
