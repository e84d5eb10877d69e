import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { describe, expect, it, vi } from 'vitest';
import type { FollowUp } from '../lib/domain/follow-up';
import { FollowUpList, type FollowUpListProps } from './FollowUpList';

const NOW = Date.UTC(2026, 11, 7, 12);
const DAY = 86_400_000;
const followUp = (id: string, dueAt: number, note: string): FollowUp => ({
  id,
  partyId: 'p1',
  dueAt,
  note,
  status: 'open',
  createdAt: NOW - DAY,
});
const overdue = followUp('f1', NOW - DAY, 'Send the notes');
const upcoming = followUp('f2', NOW + 3 * DAY, '');

function props(overrides: Partial<FollowUpListProps> = {}): FollowUpListProps {
  return {
    partyName: 'Ada Lovelace',
    followUps: [overdue, upcoming],
    problem: null,
    status: '',
    busyId: null,
    now: NOW,
    defaultDueAt: NOW + DAY,
    onDone: vi.fn(),
    onEdit: vi.fn(),
    onDelete: vi.fn(),
    onAdd: vi.fn(() => Promise.resolve(true)),
    ...overrides,
  };
}

const rows = () => screen.getAllByTestId('followup-row');

describe('the record’s follow-up list', () => {
  it('shows each open one, due or to come, with what it is for and when; and says when there are none', () => {
    const { rerender } = render(<FollowUpList {...props()} />);
    expect(rows().map((row) => row.dataset.state)).toEqual(['overdue', 'upcoming']);
    expect(rows()[0]?.textContent).toMatch(/^Send the notes · was due /);
    expect(rows()[1]?.textContent).toMatch(/^no note · due /);
    expect(screen.getAllByTestId('followup-done')[0]?.getAttribute('aria-label')).toBe(
      'Mark the follow-up “Send the notes” done and log a note',
    );
    rerender(<FollowUpList {...props({ followUps: [] })} />);
    expect(screen.queryAllByTestId('followup-row')).toEqual([]);
    expect(screen.getByTestId('followups-empty').textContent).toBe(
      'No follow-ups open. Add one to be reminded.',
    );
  });

  it('hands Done, Delete and a correction to the container', () => {
    const onDone = vi.fn();
    const onDelete = vi.fn();
    const onEdit = vi.fn();
    render(<FollowUpList {...props({ onDone, onDelete, onEdit })} />);
    fireEvent.click(screen.getAllByTestId('followup-done')[1]!);
    expect(onDone).toHaveBeenCalledWith(upcoming);
    fireEvent.click(screen.getAllByTestId('followup-delete')[0]!);
    expect(onDelete).toHaveBeenCalledWith(overdue);
    fireEvent.click(screen.getAllByTestId('followup-edit')[0]!);
    fireEvent.input(screen.getByTestId('edit-follow-up-note'), {
      target: { value: 'Send the notes again' },
    });
    fireEvent.submit(screen.getByTestId('edit-follow-up-form'));
    expect(onEdit).toHaveBeenCalledWith(overdue, {
      dueAt: overdue.dueAt,
      note: 'Send the notes again',
    });
    expect(screen.queryByTestId('edit-follow-up-form')).toBeNull();
  });

  it('when a row is done, the keyboard moves on to the row that took its place', () => {
    function Harness() {
      const [list, setList] = useState([overdue, upcoming]);
      return (
        <FollowUpList
          {...props({
            followUps: list,
            onDone: (gone) => setList((all) => all.filter((f) => f !== gone)),
          })}
        />
      );
    }
    render(<Harness />);
    const first = screen.getAllByTestId('followup-done')[0]!;
    first.focus();
    fireEvent.click(first);
    expect(rows()).toHaveLength(1);
    expect(document.activeElement).toBe(screen.getByTestId('followup-done'));
  });

  it('with a limit, shows the soonest few; "Show all" reveals the rest and focuses the first of them', () => {
    const five = [1, 2, 3, 4, 5].map((n) => followUp(`f${n}`, NOW + n * DAY, `Call ${n}`));
    render(<FollowUpList {...props({ followUps: five, limit: 3 })} />);
    expect(rows().map((row) => row.dataset.followupId)).toEqual(['f1', 'f2', 'f3']);
    const all = screen.getByTestId('followups-show-all');
    expect(all.textContent).toBe('Show all (5)');
    all.focus();
    fireEvent.click(all);
    expect(rows().map((row) => row.dataset.followupId)).toEqual(['f1', 'f2', 'f3', 'f4', 'f5']);
    expect(screen.queryByTestId('followups-show-all')).toBeNull();
    expect(document.activeElement).toBe(screen.getAllByTestId('followup-done')[3]);
  });

  it('names its Done for what it does: done, and a note logged', () => {
    render(<FollowUpList {...props()} />);
    expect(screen.getAllByTestId('followup-done')[0]?.textContent).toBe('Done, log it');
  });

  it('adds one from tomorrow morning by default, and closes the form once saved', async () => {
    const onAdd = vi.fn(() => Promise.resolve(true));
    render(<FollowUpList {...props({ onAdd })} />);
    fireEvent.click(screen.getByTestId('add-followup'));
    expect(document.activeElement).toBe(screen.getByTestId('add-follow-up-when'));
    fireEvent.input(screen.getByTestId('add-follow-up-note'), { target: { value: 'Call back' } });
    fireEvent.submit(screen.getByTestId('add-follow-up-form'));
    expect(onAdd).toHaveBeenCalledWith({ dueAt: NOW + DAY, note: 'Call back' });
    await waitFor(() => expect(screen.queryByTestId('add-follow-up-form')).toBeNull());
    expect(document.activeElement).toBe(screen.getByTestId('add-followup'));
  });
});
