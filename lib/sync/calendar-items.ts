import ICAL from 'ical.js';
import { FollowUpSchema, type FollowUp } from '../domain/follow-up';
import { InteractionSchema, type Interaction } from '../domain/interaction';
import { z } from 'zod';
import {
  addJson,
  addText,
  firstJson,
  firstText,
  instantOf,
  parseComponent,
  utcDateTime,
} from './ical-values';
import { lazy } from '../domain/lazy';

/**
 * Follow-up ⇄ VTODO and interaction ⇄ VJOURNAL (RFC 5545), one per calendar
 * object, UID = the record's id, RELATED-TO = the party's UID. A phone's tasks app
 * shows the follow-up and may tick it done; what it adds (alarms, priority) is kept.
 */

const PRODID = '-//Clientele//Sync//EN';

type Item = { ok: true; value: FollowUp } | { ok: false; error: string };
type Journal = { ok: true; value: Interaction } | { ok: false; error: string };

const TODO_OWNED = new Set([
  'uid',
  'dtstamp',
  'created',
  'due',
  'status',
  'completed',
  'summary',
  'description',
  'related-to',
  'last-modified',
]);

/** Who writes a version: the sync user, shown as "changed by" on the other devices. */
type ChangedBy = string | undefined;

export function followUpToTodo(
  followUp: FollowUp,
  partyName: string,
  previous?: string,
  changedBy?: ChangedBy,
): string {
  const todo = new ICAL.Component('vtodo');
  addText(todo, 'uid', followUp.id);
  todo.addPropertyWithValue('dtstamp', utcDateTime(followUp.doneAt ?? followUp.createdAt));
  todo.addPropertyWithValue('created', utcDateTime(followUp.createdAt));
  // Only a known edit time: a guessed one would come back as a real one.
  if (followUp.updatedAt !== undefined)
    todo.addPropertyWithValue('last-modified', utcDateTime(followUp.updatedAt));
  todo.addPropertyWithValue('due', utcDateTime(followUp.dueAt));
  addText(todo, 'summary', summaryOf(followUp.note, `Follow up with ${partyName}`));
  addText(todo, 'description', followUp.note);
  addText(todo, 'related-to', followUp.partyId);
  if (followUp.status === 'done') {
    addText(todo, 'status', 'COMPLETED');
    todo.addPropertyWithValue('completed', utcDateTime(followUp.doneAt ?? followUp.dueAt));
  } else addText(todo, 'status', 'NEEDS-ACTION');
  addText(todo, 'x-clientele-interaction-id', followUp.interactionId);
  addText(todo, 'x-clientele-changed-by', changedBy);
  addJson(todo, 'x-clientele-times', {
    createdAt: followUp.createdAt,
    dueAt: followUp.dueAt,
    doneAt: followUp.doneAt,
    updatedAt: followUp.updatedAt,
  });
  keepForeign(todo, previous, 'vtodo', TODO_OWNED);
  return wrap(todo);
}

export function todoToFollowUp(text: string): Item {
  const todo = parseComponent(text, 'vcalendar')?.getFirstSubcomponent('vtodo');
  if (!todo) return { ok: false, error: 'no VTODO in this object' };
  const status = firstText(todo, 'status')?.toUpperCase();
  const times = firstJson(todo, 'x-clientele-times', TimesSchema) ?? {};
  const at = (name: string, exact: number | undefined) =>
    precise(instantOf(todo.getFirstPropertyValue(name)), exact);
  const completed = at('completed', times.doneAt);
  const done = status === 'COMPLETED' || (status === undefined && completed !== undefined);
  const candidate = {
    id: firstText(todo, 'uid'),
    partyId: firstText(todo, 'related-to'),
    dueAt: at('due', times.dueAt) ?? at('dtstart', undefined),
    note: firstText(todo, 'description') ?? firstText(todo, 'summary') ?? '',
    status: done ? 'done' : 'open',
    interactionId: firstText(todo, 'x-clientele-interaction-id'),
    doneAt: done ? (completed ?? at('dtstamp', undefined)) : undefined,
    createdAt: at('created', times.createdAt) ?? 0,
    updatedAt: at('last-modified', times.updatedAt),
  };
  const parsed = FollowUpSchema.safeParse(withoutUndefined(candidate));
  return parsed.success
    ? { ok: true, value: parsed.data }
    : {
        ok: false,
        error: `this task cannot be a follow-up (${parsed.error.issues[0]?.path.join('.')})`,
      };
}

const JOURNAL_OWNED = new Set([
  'uid',
  'dtstamp',
  'created',
  'dtstart',
  'summary',
  'description',
  'related-to',
  'url',
  'categories',
]);

export function interactionToJournal(
  interaction: Interaction,
  previous?: string,
  changedBy?: ChangedBy,
): string {
  const journal = new ICAL.Component('vjournal');
  addText(journal, 'uid', interaction.id);
  journal.addPropertyWithValue('dtstamp', utcDateTime(interaction.createdAt));
  journal.addPropertyWithValue('created', utcDateTime(interaction.createdAt));
  journal.addPropertyWithValue('dtstart', utcDateTime(interaction.at));
  addText(
    journal,
    'summary',
    summaryOf(interaction.summary, `${interaction.type} (${interaction.direction})`),
  );
  addText(journal, 'description', interaction.summary);
  addText(journal, 'related-to', interaction.partyId);
  if (interaction.link) journal.addPropertyWithValue('url', interaction.link);
  addText(journal, 'categories', interaction.type);
  addText(journal, 'x-clientele-type', interaction.type);
  addText(journal, 'x-clientele-direction', interaction.direction);
  addText(journal, 'x-clientele-request-id', interaction.requestId);
  addText(journal, 'x-clientele-changed-by', changedBy);
  addJson(journal, 'x-clientele-times', { createdAt: interaction.createdAt, at: interaction.at });
  keepForeign(journal, previous, 'vjournal', JOURNAL_OWNED);
  return wrap(journal);
}

export function journalToInteraction(text: string): Journal {
  const journal = parseComponent(text, 'vcalendar')?.getFirstSubcomponent('vjournal');
  if (!journal) return { ok: false, error: 'no VJOURNAL in this object' };
  const id = firstText(journal, 'uid');
  const times = firstJson(journal, 'x-clientele-times', TimesSchema) ?? {};
  const at = (name: string, exact: number | undefined) =>
    precise(instantOf(journal.getFirstPropertyValue(name)), exact);
  const candidate = {
    id,
    partyId: firstText(journal, 'related-to'),
    type: firstText(journal, 'x-clientele-type') ?? firstText(journal, 'categories') ?? 'note',
    direction: firstText(journal, 'x-clientele-direction') ?? 'outbound',
    at: at('dtstart', times.at),
    summary: firstText(journal, 'description') ?? firstText(journal, 'summary') ?? '',
    link: firstText(journal, 'url'),
    requestId: firstText(journal, 'x-clientele-request-id') ?? `sync-${id}`,
    createdAt: at('created', times.createdAt) ?? 0,
  };
  const parsed = InteractionSchema.safeParse(withoutUndefined(candidate));
  return parsed.success
    ? { ok: true, value: parsed.data }
    : {
        ok: false,
        error: `this journal entry cannot be an interaction (${parsed.error.issues[0]?.path.join('.')})`,
      };
}

/** Who wrote a task's or journal entry's last version through Clientele, if it says. */
export function itemChangedBy(text: string): string | undefined {
  const calendar = parseComponent(text, 'vcalendar');
  const item =
    calendar?.getFirstSubcomponent('vtodo') ?? calendar?.getFirstSubcomponent('vjournal');
  return item ? firstText(item, 'x-clientele-changed-by') || undefined : undefined;
}

const instant = lazy(() => z.number().int().nonnegative().optional());
const TimesSchema = lazy(() =>
  z.object({
    createdAt: instant,
    dueAt: instant,
    doneAt: instant,
    updatedAt: instant,
    at: instant,
  }),
);

/**
 * DATE-TIME keeps whole seconds; Clientele's own copy keeps the millisecond. The
 * copy counts only while it names the same second: a phone that moved the date wins.
 */
function precise(seconds: number | undefined, exact: number | undefined): number | undefined {
  if (seconds === undefined) return undefined;
  return exact !== undefined && Math.floor(exact / 1000) * 1000 === seconds ? exact : seconds;
}

function wrap(item: ICAL.Component): string {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('version', '2.0');
  addText(calendar, 'prodid', PRODID);
  calendar.addSubcomponent(item);
  return calendar.toString() + '\r\n';
}

/** Properties and subcomponents (alarms) someone else put on the item go back as they were. */
function keepForeign(
  item: ICAL.Component,
  previous: string | undefined,
  name: string,
  owned: Set<string>,
) {
  const old = previous
    ? parseComponent(previous, 'vcalendar')?.getFirstSubcomponent(name)
    : undefined;
  if (!old) return;
  for (const property of old.getAllProperties()) {
    if (owned.has(property.name) || property.name.startsWith('x-clientele-')) continue;
    item.addProperty(new ICAL.Property(property.toJSON() as unknown[]));
  }
  for (const sub of old.getAllSubcomponents())
    item.addSubcomponent(new ICAL.Component(sub.toJSON() as unknown[]));
}

function summaryOf(text: string, fallback: string): string {
  const line = text.trim().split(/\r?\n/)[0] ?? '';
  if (line === '') return fallback;
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
