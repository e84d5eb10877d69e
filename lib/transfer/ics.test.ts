import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { FollowUp, Party } from '../domain';
import { calendarFor } from './ics-write';

const T = Date.UTC(2026, 10, 23, 12);
const party: Party = {
  id: 'p1',
  type: 'person',
  name: 'Zoë Ångström, CFO; «北京» 👩🏽‍💼',
  kind: 'client',
  kindHistory: [{ kind: 'client', at: T }],
  emails: ['zoe@example.com'],
  phones: [],
  domains: [],
  tags: [],
  notes: '',
  organizationName: 'Northwind',
  createdAt: T,
  updatedAt: T,
  nextCheckInAt: Date.UTC(2026, 11, 31, 9),
};
const followUp = (over: Partial<FollowUp>): FollowUp => ({
  id: 'f1',
  partyId: 'p1',
  dueAt: Date.UTC(2026, 11, 1, 10),
  note: 'Send the proposal, with the revised scope; ask about Q1\nand the retainer. '.repeat(3),
  status: 'open',
  createdAt: T,
  ...over,
});
const utcDay = (instant: number) => new Date(instant).toISOString().slice(0, 10);

describe('calendar export', () => {
  const text = calendarFor({
    followUps: [followUp({}), followUp({ id: 'f2', status: 'done' })],
    parties: [party],
    now: T,
    dayOf: utcDay,
  });

  it('uses CRLF and folds every line at 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('re-parses with ical.js: all-day events, stable UIDs, DTSTAMP, escaped text', () => {
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.uid)).toEqual(['followup-f1@clientele', 'checkin-p1@clientele']);
    const [follow, checkIn] = events;
    expect(follow!.startDate.isDate).toBe(true);
    expect(follow!.startDate.toString()).toBe('2026-12-01');
    expect(follow!.endDate.toString()).toBe('2026-12-02');
    expect(follow!.summary).toBe(
      'Follow up with Zoë Ångström, CFO; «北京» 👩🏽‍💼: Send the proposal, with the revised scope; ask about Q1',
    );
    expect(follow!.description).toBe(followUp({}).note);
    expect(checkIn!.startDate.toString()).toBe('2026-12-31');
    expect(checkIn!.summary).toBe(`Check in with ${party.name}`);
    const stamps = calendar
      .getAllSubcomponents('vevent')
      .map((e) => e.getFirstPropertyValue('dtstamp')?.toString());
    expect(stamps).toEqual(['2026-11-23T12:00:00Z', '2026-11-23T12:00:00Z']);
  });

  it('gives the same UIDs on a later export', () => {
    const later = calendarFor({
      followUps: [followUp({})],
      parties: [party],
      now: T + 1e9,
      dayOf: utcDay,
    });
    const uids = (ics: string) => [...ics.matchAll(/^UID:(.*)$/gm)].map((m) => m[1]);
    expect(uids(later)).toEqual(uids(text));
  });
});
