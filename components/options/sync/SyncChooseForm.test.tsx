import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { SyncChooseForm } from './SyncChooseForm';

const BOOKS = [
  { href: '/alice/contacts/', name: 'Contacts' },
  { href: '/alice/work/', name: 'Work' },
];
const CALENDARS = [{ href: '/alice/tasks/', name: 'Tasks' }];

function setup(addressbooks = BOOKS, calendars = CALENDARS) {
  const onChoose = vi.fn();
  const onBack = vi.fn();
  render(
    <SyncChooseForm
      addressbooks={addressbooks}
      calendars={calendars}
      busy={false}
      problem={null}
      onChoose={onChoose}
      onBack={onBack}
    />,
  );
  return { onChoose, onBack };
}

describe('SyncChooseForm', () => {
  it('offers the server’s address books, takes the first by default, and starts with focus on the heading', () => {
    const { onChoose } = setup();
    expect(document.activeElement?.tagName).toBe('H3');
    const select = screen.getByTestId<HTMLSelectElement>('sync-addressbook');
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Contacts',
      'Work',
      'Create a new one…',
    ]);
    fireEvent.click(screen.getByTestId('sync-choose'));
    expect(onChoose).toHaveBeenCalledWith({
      addressbook: { href: '/alice/contacts/' },
      calendar: { href: '/alice/tasks/' },
      defaultKind: 'prospect',
    });
  });

  it('sends another choice, a new calendar by name, and the kind for foreign cards', () => {
    const { onChoose } = setup();
    fireEvent.change(screen.getByTestId('sync-addressbook'), { target: { value: '/alice/work/' } });
    fireEvent.change(screen.getByTestId('sync-calendar'), { target: { value: '' } });
    fireEvent.input(screen.getByTestId('sync-calendar-new'), { target: { value: 'CRM' } });
    fireEvent.change(screen.getByTestId('sync-default-kind'), { target: { value: 'client' } });
    fireEvent.click(screen.getByTestId('sync-choose'));
    expect(onChoose).toHaveBeenCalledWith({
      addressbook: { href: '/alice/work/' },
      calendar: { create: 'CRM' },
      defaultKind: 'client',
    });
  });

  it('with nothing on the server, asks only for names, and refuses an empty one', () => {
    const { onChoose } = setup([], []);
    expect(screen.queryByTestId('sync-addressbook')).toBeNull();
    const name = screen.getByTestId<HTMLInputElement>('sync-addressbook-new');
    expect(name.value).toBe('Clientele');
    fireEvent.input(name, { target: { value: '  ' } });
    fireEvent.click(screen.getByTestId('sync-choose'));
    expect(onChoose).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByTestId('sync-problem'));
    fireEvent.input(name, { target: { value: 'Clients' } });
    fireEvent.click(screen.getByTestId('sync-choose'));
    expect(onChoose).toHaveBeenCalledWith({
      addressbook: { create: 'Clients' },
      calendar: { create: 'Clientele' },
      defaultKind: 'prospect',
    });
  });

  it('goes back to the server fields', () => {
    const { onBack } = setup();
    fireEvent.click(screen.getByTestId('sync-back'));
    expect(onBack).toHaveBeenCalled();
  });
});
