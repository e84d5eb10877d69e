import { uiText, type UiText } from '../../lib/domain/ui-text';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../lib/domain/result';
import { sendMessage } from '../../lib/platform/messaging';
import type { DueItemView } from '../../lib/protocol/areas/due';
import { DueList, type DueSend } from './DueList';

// The popup passes the real sender; this fails to compile if it stops fitting.
const _fits: DueSend = sendMessage;

const NY = 'America/New_York';
const NOW = Date.parse('2026-11-23T10:00-05:00'); // a Monday

const ITEMS: DueItemView[] = [
  {
    kind: 'followUp',
    key: 'followUp:f1:1',
    partyId: 'ada',
    partyName: 'Ada Lovelace',
    partyKind: 'client',
    dueAt: Date.parse('2026-11-20T09:00-05:00'),
    state: 'overdue',
    followUpId: 'f1',
    note: 'Send the proposal',
  },
  {
    kind: 'checkIn',
    key: 'checkIn:grace:2',
    partyId: 'grace',
    partyName: 'Grace Hopper',
    partyKind: 'customer',
    dueAt: Date.parse('2026-11-23T15:00-05:00'),
    state: 'today',
  },
  {
    kind: 'checkIn',
    key: 'checkIn:marcus:3',
    partyId: 'marcus',
    partyName: 'Marcus Chen',
    partyKind: 'prospect',
    dueAt: Date.parse('2026-11-27T15:00-05:00'), // Friday: "tomorrow" would not be later
    state: 'soon',
  },
];

/** A background that answers from memory and records what it was asked. */
function fakeBackground(items: DueItemView[] = ITEMS) {
  let current = [...items];
  const calls: [string, unknown][] = [];
  let failNext: UiText | null = null;
  const deleted: DueItemView[] = [];
  const send = vi.fn((name: string, request: unknown): Promise<Result<unknown>> => {
    calls.push([name, request]);
    if (failNext && name !== 'due/list') {
      const message = failNext;
      failNext = null;
      return Promise.resolve({ ok: false, error: { code: 'invalid', message } });
    }
    if (name === 'due/list') {
      const count = current.filter((item) => item.state !== 'soon').length;
      return Promise.resolve({ ok: true, value: { items: current, count, total: current.length } });
    }
    if (name === 'records/delete') {
      const { id } = request as { id: string };
      const gone = current.find((item) => item.followUpId === id)!;
      current = current.filter((item) => item !== gone);
      const entry = { id: 'entry-1', label: `A follow-up with ${gone.partyName}` };
      deleted.push(gone);
      return Promise.resolve({ ok: true, value: { entry } });
    }
    if (name === 'records/update') {
      const { id, patch } = request as { id: string; patch: Partial<DueItemView> };
      current = current.map((item) => (item.followUpId === id ? { ...item, ...patch } : item));
      return Promise.resolve({ ok: true, value: { store: 'followUps', record: { id } } });
    }
    if (name === 'undo/apply') {
      current = [...deleted.splice(0), ...current];
      return Promise.resolve({ ok: true, value: { label: 'A follow-up with Ada Lovelace' } });
    }
    const ref = (request as { item: { id?: string; partyId?: string } }).item;
    current = current.filter((item) =>
      ref.id ? item.followUpId !== ref.id : item.kind !== 'checkIn' || item.partyId !== ref.partyId,
    );
    return Promise.resolve({ ok: true, value: { replayed: false, dueAt: NOW + 1 } });
  });
  return {
    send: send as unknown as DueSend,
    calls,
    failWith: (message: UiText) => {
      failNext = message;
    },
  };
}

function renderList(background = fakeBackground(), onOpen = vi.fn()) {
  render(<DueList send={background.send} onOpen={onOpen} now={() => NOW} timeZone={NY} />);
  return { background, onOpen };
}

const itemOf = (partyId: string) =>
  screen
    .getAllByTestId('due-item')
    .find((element) => element.getAttribute('data-party-id') === partyId)!;

describe('DueList', () => {
  it('groups what is due: overdue, today, coming up', async () => {
    renderList();
    await screen.findAllByTestId('due-item');
    const rows = screen.getAllByTestId('due-item');
    expect(
      rows.map((row) => [row.dataset.partyId, row.dataset.dueKind, row.dataset.state]),
    ).toEqual([
      ['ada', 'followUp', 'overdue'],
      ['grace', 'checkIn', 'today'],
      ['marcus', 'checkIn', 'soon'],
    ]);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Due (2)');
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Overdue',
      'Today',
      'Coming up',
    ]);
    expect(itemOf('ada').textContent).toContain('Follow-up: Send the proposal');
    expect(itemOf('grace').textContent).toContain('Check-in · today');
  });

  it('deletes a follow-up (never a check-in) and Undo brings it back', async () => {
    const { background } = renderList();
    await screen.findAllByTestId('due-item');
    expect(within(itemOf('grace')).queryByTestId('due-delete')).toBeNull();
    fireEvent.click(within(itemOf('ada')).getByTestId('due-delete'));
    const undo = await screen.findByTestId('undo');
    await waitFor(() => expect(screen.getAllByTestId('due-item')).toHaveLength(2));
    expect(background.calls).toContainEqual(['records/delete', { store: 'followUps', id: 'f1' }]);
    fireEvent.click(undo);
    await waitFor(() => expect(screen.getAllByTestId('due-item')).toHaveLength(3));
    expect(screen.queryByTestId('undo')).toBeNull();
  });

  it('corrects a follow-up in place (never a check-in): its note and date', async () => {
    const { background } = renderList();
    await screen.findAllByTestId('due-item');
    expect(within(itemOf('grace')).queryByTestId('due-edit')).toBeNull();
    fireEvent.click(within(itemOf('ada')).getByTestId('due-edit'));
    const when = within(itemOf('ada')).getByTestId('edit-follow-up-when');
    // The keyboard lands in the form.
    expect(document.activeElement).toBe(when);
    fireEvent.input(within(itemOf('ada')).getByTestId('edit-follow-up-note'), {
      target: { value: 'Send the signed proposal' },
    });
    fireEvent.submit(within(itemOf('ada')).getByTestId('edit-follow-up-form'));
    await waitFor(() =>
      expect(itemOf('ada').textContent).toContain('Follow-up: Send the signed proposal'),
    );
    expect(background.calls).toContainEqual([
      'records/update',
      {
        store: 'followUps',
        id: 'f1',
        patch: { dueAt: ITEMS[0]!.dueAt, note: 'Send the signed proposal' },
      },
    ]);
    expect(screen.getByTestId('due-status').textContent).toBe(
      'Follow-up with Ada Lovelace corrected.',
    );
  });

  it('Escape leaves a follow-up unchanged and gives focus back to Edit', async () => {
    const { background } = renderList();
    await screen.findAllByTestId('due-item');
    const edit = within(itemOf('ada')).getByTestId('due-edit');
    fireEvent.click(edit);
    fireEvent.input(within(itemOf('ada')).getByTestId('edit-follow-up-note'), {
      target: { value: 'Never mind' },
    });
    fireEvent.keyDown(within(itemOf('ada')).getByTestId('edit-follow-up-note'), {
      key: 'Escape',
    });
    expect(within(itemOf('ada')).queryByTestId('edit-follow-up-form')).toBeNull();
    expect(document.activeElement).toBe(edit);
    expect(background.calls.map(([name]) => name)).not.toContain('records/update');
    expect(itemOf('ada').textContent).toContain('Follow-up: Send the proposal');
  });

  it('says so plainly when nothing is due', async () => {
    renderList(fakeBackground([]));
    expect((await screen.findByTestId('due-empty')).textContent).toMatch(/^Nothing due\./);
    expect(screen.queryAllByTestId('due-item')).toHaveLength(0);
  });

  it('says when the list cannot be read, and tries again', async () => {
    const send = vi
      .fn()
      .mockResolvedValueOnce({ ok: false, error: { code: 'unreachable', message: 'No answer.' } })
      .mockResolvedValue({ ok: true, value: { items: ITEMS, count: 2, total: 3 } });
    render(<DueList send={send as unknown as DueSend} onOpen={vi.fn()} timeZone={NY} />);
    expect((await screen.findByRole('alert')).textContent).toContain('No answer.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('due-item')).toHaveLength(3);
  });

  it('opens the record', async () => {
    const { onOpen } = renderList();
    await screen.findAllByTestId('due-item');
    fireEvent.click(within(itemOf('grace')).getByTestId('due-open'));
    expect(onOpen).toHaveBeenCalledWith('grace');
  });

  it('"Done, log it" then Enter logs a note; focus moves to the next item', async () => {
    const { background } = renderList();
    await screen.findAllByTestId('due-item');
    fireEvent.click(within(itemOf('ada')).getByTestId('due-done'));
    const summary = within(itemOf('ada')).getByTestId('due-log-summary');
    expect(document.activeElement).toBe(summary);
    expect(summary.getAttribute('placeholder')).toBe('Send the proposal');
    fireEvent.submit(within(itemOf('ada')).getByTestId('due-log'));

    await waitFor(() => expect(screen.getAllByTestId('due-item')).toHaveLength(2));
    expect(background.calls).toContainEqual([
      'due/complete',
      { item: { kind: 'followUp', id: 'f1' }, log: { type: 'note' } },
    ]);
    expect(screen.getByTestId('due-status').textContent).toBe(
      'Done: note logged for Ada Lovelace.',
    );
    expect(document.activeElement).toBe(within(itemOf('grace')).getByTestId('due-open'));
  });

  it('logs what the user typed, as the type chosen', async () => {
    const { background } = renderList();
    await screen.findAllByTestId('due-item');
    fireEvent.click(within(itemOf('grace')).getByTestId('due-done'));
    const row = within(itemOf('grace'));
    fireEvent.input(row.getByTestId('due-log-summary'), { target: { value: ' Quick call ' } });
    fireEvent.change(row.getByTestId('due-log-type'), { target: { value: 'call' } });
    fireEvent.submit(row.getByTestId('due-log'));
    await waitFor(() =>
      expect(background.calls).toContainEqual([
        'due/complete',
        {
          item: { kind: 'checkIn', partyId: 'grace' },
          log: { type: 'call', summary: 'Quick call' },
        },
      ]),
    );
  });

  it('a follow-up can be marked done without logging; a check-in cannot', async () => {
    const { background } = renderList();
    await screen.findAllByTestId('due-item');
    fireEvent.click(within(itemOf('grace')).getByTestId('due-done'));
    expect(within(itemOf('grace')).queryByTestId('due-done-only')).toBeNull();
    fireEvent.click(within(itemOf('ada')).getByTestId('due-done'));
    fireEvent.click(within(itemOf('ada')).getByTestId('due-done-only'));
    await waitFor(() =>
      expect(background.calls).toContainEqual([
        'due/complete',
        { item: { kind: 'followUp', id: 'f1' } },
      ]),
    );
  });

  it('snoozes to tomorrow or next week, showing the dates in the user’s zone', async () => {
    const { background } = renderList();
    await screen.findAllByTestId('due-item');
    const snooze = within(itemOf('ada')).getByTestId('due-snooze');
    fireEvent.click(snooze);
    expect(snooze.getAttribute('aria-expanded')).toBe('true');
    const tomorrow = within(itemOf('ada')).getByTestId('due-snooze-tomorrow');
    expect(document.activeElement).toBe(tomorrow);
    const day = new Intl.DateTimeFormat(undefined, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      timeZone: NY,
    });
    expect(tomorrow.textContent).toContain(day.format(Date.parse('2026-11-24T12:00-05:00')));
    const nextWeek = within(itemOf('ada')).getByTestId('due-snooze-next-week');
    expect(nextWeek.textContent).toContain(day.format(Date.parse('2026-11-30T12:00-05:00')));
    fireEvent.click(nextWeek);
    await waitFor(() => expect(screen.getAllByTestId('due-item')).toHaveLength(2));
    expect(background.calls).toContainEqual([
      'due/snooze',
      { item: { kind: 'followUp', id: 'f1' }, until: 'next-week' },
    ]);
  });

  it('offers only the choices that move a coming check-in later', async () => {
    renderList();
    await screen.findAllByTestId('due-item');
    fireEvent.click(within(itemOf('marcus')).getByTestId('due-snooze'));
    expect(within(itemOf('marcus')).queryByTestId('due-snooze-tomorrow')).toBeNull();
    expect(within(itemOf('marcus')).getByTestId('due-snooze-next-week')).toBeTruthy();
  });

  it('Escape closes a choice and gives focus back to its button', async () => {
    renderList();
    await screen.findAllByTestId('due-item');
    const snooze = within(itemOf('ada')).getByTestId('due-snooze');
    fireEvent.click(snooze);
    fireEvent.keyDown(within(itemOf('ada')).getByTestId('due-snooze-tomorrow'), { key: 'Escape' });
    expect(within(itemOf('ada')).queryByTestId('due-snooze-tomorrow')).toBeNull();
    expect(document.activeElement).toBe(snooze);
  });

  it('says why an action failed and keeps the item', async () => {
    const background = fakeBackground();
    renderList(background);
    await screen.findAllByTestId('due-item');
    // The background's words, as a code the list words through the catalogue.
    background.failWith(uiText('error_follow_up_gone'));
    fireEvent.click(within(itemOf('ada')).getByTestId('due-done'));
    fireEvent.submit(within(itemOf('ada')).getByTestId('due-log'));
    await waitFor(() =>
      expect(screen.getByTestId('due-status').textContent).toBe('That follow-up no longer exists.'),
    );
    expect(screen.getAllByTestId('due-item')).toHaveLength(3);
  });
});
