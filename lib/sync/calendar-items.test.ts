import { describe, expect, it } from 'vitest';
import type { FollowUp } from '../domain/follow-up';
import type { Interaction } from '../domain/interaction';
import {
  followUpToTodo,
  interactionToJournal,
  itemChangedBy,
  journalToInteraction,
  todoToFollowUp,
} from './calendar-items';

const AT = Date.UTC(2026, 11, 1, 14, 5, 9, 321);

const followUp: FollowUp = {
  id: 'f-1',
  partyId: 'p-1',
  dueAt: AT + 86_400_000,
  note: 'Send the revised quote; ask about Q1, too\nSecond line',
  status: 'open',
  interactionId: 'i-1',
  createdAt: AT,
};

const interaction: Interaction = {
  id: 'i-1',
  partyId: 'p-1',
  type: 'call',
  direction: 'inbound',
  at: AT,
  summary: 'Called about the invoice, \\ paid; thanks',
  link: 'https://mail.example/#inbox/abc',
  requestId: 'req-42',
  createdAt: AT + 10,
};

describe('follow-up ⇄ VTODO', () => {
  it('round-trips open and done follow-ups, to the millisecond', () => {
    const text = followUpToTodo(followUp, 'Ana');
    expect(text).toMatch(/BEGIN:VTODO[\s\S]*DUE:20261202T140509Z/);
    expect(text).toContain('STATUS:NEEDS-ACTION');
    expect(text).toContain('RELATED-TO:p-1');
    expect(text).toContain('SUMMARY:Send the revised quote\\; ask about Q1\\, too');
    expect(todoToFollowUp(text)).toEqual({ ok: true, value: followUp });
    const done = { ...followUp, status: 'done' as const, doneAt: AT + 5000 };
    const doneText = followUpToTodo(done, 'Ana');
    expect(doneText).toContain('STATUS:COMPLETED');
    expect(doneText).toContain('COMPLETED:20261201T140514Z');
    expect(todoToFollowUp(doneText)).toEqual({ ok: true, value: done });
  });

  it('reads a task ticked done on a phone, and keeps its alarm', () => {
    const ticked = followUpToTodo(followUp, 'Ana')
      .replace('STATUS:NEEDS-ACTION', 'STATUS:COMPLETED\r\nCOMPLETED:20261203T080000Z')
      .replace(
        'END:VTODO',
        'PRIORITY:1\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\nDESCRIPTION:x\r\nEND:VALARM\r\nEND:VTODO',
      );
    const read = todoToFollowUp(ticked);
    expect(read).toEqual({
      ok: true,
      value: { ...followUp, status: 'done', doneAt: Date.UTC(2026, 11, 3, 8) },
    });
    const back = followUpToTodo(read.ok ? read.value : followUp, 'Ana', ticked);
    expect(back).toContain('PRIORITY:1');
    expect(back).toContain('BEGIN:VALARM');
    expect(back.match(/^STATUS:/gm)).toHaveLength(1);
  });

  it('takes a due date moved on the phone over its own copy', () => {
    const moved = followUpToTodo(followUp, 'Ana').replace(
      /DUE:\d{8}T\d{6}Z/,
      'DUE:20261224T090000Z',
    );
    const read = todoToFollowUp(moved);
    expect(read.ok && read.value.dueAt).toBe(Date.UTC(2026, 11, 24, 9));
  });

  it('refuses a task that is not about a party', () => {
    const text = followUpToTodo(followUp, 'Ana').replace('RELATED-TO:p-1\r\n', '');
    expect(todoToFollowUp(text)).toMatchObject({ ok: false });
  });
});

describe('interaction ⇄ VJOURNAL', () => {
  it('round-trips type, direction, link and text', () => {
    const text = interactionToJournal(interaction);
    expect(text).toContain('BEGIN:VJOURNAL');
    expect(text).toContain('DTSTART:20261201T140509Z');
    expect(text).toContain('URL:https://mail.example/#inbox/abc');
    expect(journalToInteraction(text)).toEqual({ ok: true, value: interaction });
  });

  it('reads a journal entry written elsewhere as a note', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Other//EN',
      'BEGIN:VJOURNAL',
      'UID:j-9',
      'DTSTAMP:20261201T100000Z',
      'DTSTART:20261201T100000Z',
      'SUMMARY:Met at the fair',
      'RELATED-TO:p-1',
      'END:VJOURNAL',
      'END:VCALENDAR',
    ].join('\r\n');
    expect(journalToInteraction(text)).toMatchObject({
      ok: true,
      value: { id: 'j-9', type: 'note', direction: 'outbound', summary: 'Met at the fair' },
    });
  });
});

describe('who changed a task or a journal entry', () => {
  it('is written by Clientele, read back, and replaced (not doubled) by the next writer', () => {
    const todo = followUpToTodo(followUp, 'Ana', undefined, 'alice');
    expect(itemChangedBy(todo)).toBe('alice');
    const again = followUpToTodo(followUp, 'Ana', todo, 'bob');
    expect(itemChangedBy(again)).toBe('bob');
    expect(again.match(/X-CLIENTELE-CHANGED-BY/g)).toHaveLength(1);

    const journal = interactionToJournal(interaction, undefined, 'bob');
    expect(itemChangedBy(journal)).toBe('bob');
    expect(journalToInteraction(journal)).toEqual({ ok: true, value: interaction });
  });

  it('is unknown for an item another app wrote', () => {
    expect(itemChangedBy(followUpToTodo(followUp, 'Ana'))).toBeUndefined();
    expect(itemChangedBy('not a calendar')).toBeUndefined();
  });
});
