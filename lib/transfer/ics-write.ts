import type { FollowUp } from '../domain/follow-up';
import type { Party } from '../domain/party';
import { escapeText, toContentLines } from './content-line';

export interface CalendarInput {
  followUps: readonly FollowUp[];
  parties: readonly Party[];
  /** The export time, for DTSTAMP. */
  now: number;
  /** The calendar day an instant falls on where the user is (`YYYY-MM-DD`). */
  dayOf?: (instant: number) => string;
}

/** The local calendar day of an instant, as the user's clock shows it. */
export function localDay(instant: number): string {
  const date = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Open follow-ups and check-in due dates as an iCalendar file (RFC 5545): one
 * all-day event each, on the local day it falls due. UIDs come from record ids, so
 * importing a later export updates the same events instead of adding copies.
 */
export function calendarFor({ followUps, parties, now, dayOf = localDay }: CalendarInput): string {
  const byId = new Map(parties.map((party) => [party.id, party]));
  const stamp = utcStamp(now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Clientele//Follow-ups and check-ins//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Clientele',
  ];
  for (const followUp of followUps) {
    if (followUp.status !== 'open') continue;
    const party = byId.get(followUp.partyId);
    const who = party?.name ?? 'someone no longer in your book';
    const summary =
      followUp.note.trim() === ''
        ? `Follow up with ${who}`
        : `Follow up with ${who}: ${firstLine(followUp.note)}`;
    lines.push(
      ...allDayEvent(
        `followup-${followUp.id}@clientele`,
        stamp,
        dayOf(followUp.dueAt),
        summary,
        followUp.note,
      ),
    );
  }
  for (const party of parties) {
    if (party.nextCheckInAt === undefined) continue;
    lines.push(
      ...allDayEvent(
        `checkin-${party.id}@clientele`,
        stamp,
        dayOf(party.nextCheckInAt),
        `Check in with ${party.name}`,
        [party.organizationName, party.emails[0], party.phones[0]].filter(Boolean).join(' · '),
      ),
    );
  }
  lines.push('END:VCALENDAR');
  return toContentLines(lines);
}

function allDayEvent(
  uid: string,
  stamp: string,
  day: string,
  summary: string,
  description: string,
): string[] {
  const start = day.replace(/-/g, '');
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${start}`,
    `DTEND;VALUE=DATE:${nextDay(day)}`,
    `SUMMARY:${escapeText(summary)}`,
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

function firstLine(text: string): string {
  const line = text.trim().split(/\r?\n/)[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

function utcStamp(instant: number): string {
  return new Date(instant)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const next = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 1));
  return next.toISOString().slice(0, 10).replace(/-/g, '');
}
