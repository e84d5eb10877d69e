import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { Party } from '../lib/domain/party';
import type { ContactType } from '../lib/domain/card-fields';
import type { ValueRow } from '../lib/ui/card-rows';
import { editOf, fieldsOf } from '../lib/ui/party-edit';
import { EditParty } from './EditParty';

const row = (value: string, types: ContactType[] = [], label?: string): ValueRow =>
  label === undefined ? { id: 0, value, types } : { id: 0, value, types, label };

const party: Party = {
  id: 'p1',
  type: 'person',
  name: 'Ada Lovelace',
  kind: 'client',
  kindHistory: [{ kind: 'client', at: 0 }],
  emails: ['ada@northwind.example'],
  phones: ['+12125550100'],
  domains: [],
  organizationName: 'Northwind',
  title: 'Analyst',
  tags: ['vip'],
  notes: '',
  checkInDays: 14,
  createdAt: 0,
  updatedAt: 0,
};

describe('editOf', () => {
  const cases: [string, Partial<ReturnType<typeof fieldsOf>>, ReturnType<typeof editOf>][] = [
    ['nothing changed', {}, { patch: {}, clear: [] }],
    ['a new name, trimmed', { name: '  Ada King ' }, { patch: { name: 'Ada King' }, clear: [] }],
    ['an emptied title is cleared', { title: ' ' }, { patch: {}, clear: ['title'] }],
    [
      'a second email made the preferred one',
      {
        emails: {
          rows: [row('ada@northwind.example'), row(' ada@king.example ')],
          preferred: 1,
        },
      },
      { patch: { emails: ['ada@king.example', 'ada@northwind.example'] }, clear: [] },
    ],
    [
      'a phone given a type: its label alone is sent',
      { phones: { rows: [row('+12125550100', ['mobile'])], preferred: 0 } },
      { patch: { phoneLabels: [{ value: '+12125550100', types: ['mobile'] }] }, clear: [] },
    ],
    [
      'a website added after the first',
      {
        websites: {
          rows: [row('https://ada.example'), row('https://blog.example', [], 'Blog')],
          preferred: 0,
        },
      },
      {
        patch: {
          website: 'https://ada.example',
          moreWebsites: ['https://blog.example'],
          websiteLabels: [{ value: 'https://blog.example', types: [], label: 'Blog' }],
        },
        clear: [],
      },
    ],
    [
      'tags, without repeats',
      { tags: 'vip, math, vip' },
      { patch: { tags: ['vip', 'math'] }, clear: [] },
    ],
    [
      'an emptied check-in rhythm returns to the default',
      { checkInDays: '' },
      { patch: {}, clear: ['checkInDays'] },
    ],
    ['a new check-in rhythm', { checkInDays: '30' }, { patch: { checkInDays: 30 }, clear: [] }],
    ['no name', { name: '' }, 'A name is required.'],
    [
      'a rhythm that is no whole number',
      { checkInDays: '2.5' },
      'Check-in days must be a whole number from 1 to 3650.',
    ],
  ];
  it.each(cases)('%s', (_label, change, expected) => {
    expect(editOf(party, { ...fieldsOf(party), ...change })).toEqual(expected);
  });
});

describe('EditParty', () => {
  it('starts in the name field and saves only what changed', () => {
    const onSave = vi.fn();
    render(
      <EditParty party={party} busy={false} problem={null} onSave={onSave} onCancel={vi.fn()} />,
    );
    expect(document.activeElement).toBe(screen.getByTestId('edit-name'));
    fireEvent.input(screen.getByTestId('edit-title'), { target: { value: 'Director' } });
    fireEvent.click(screen.getByTestId('edit-phone-add'));
    const added = screen.getAllByTestId('edit-phone-value')[1]!;
    expect(document.activeElement).toBe(added);
    fireEvent.input(added, { target: { value: '+44 20 7946 0958' } });
    fireEvent.change(screen.getAllByTestId('edit-phone-type')[1]!, {
      target: { value: 'custom' },
    });
    fireEvent.input(screen.getByLabelText('Label of Phone 2'), { target: { value: 'Studio' } });
    fireEvent.click(screen.getAllByTestId('edit-phone-preferred')[1]!);
    fireEvent.submit(screen.getByTestId('edit-party'));
    expect(onSave).toHaveBeenCalledWith({
      patch: {
        title: 'Director',
        phones: ['+44 20 7946 0958', '+12125550100'],
        phoneLabels: [{ value: '+44 20 7946 0958', types: [], label: 'Studio' }],
      },
      clear: [],
    });
  });

  it('removes a row, and an emptied website is cleared', () => {
    const onSave = vi.fn();
    const withSite = { ...party, website: 'https://ada.example' };
    render(
      <EditParty party={withSite} busy={false} problem={null} onSave={onSave} onCancel={vi.fn()} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove Email 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove Website 1' }));
    expect(screen.queryAllByTestId('edit-email-value')).toEqual([]);
    fireEvent.submit(screen.getByTestId('edit-party'));
    expect(onSave).toHaveBeenCalledWith({ patch: { emails: [] }, clear: ['website'] });
  });

  it('edits a second address and its type, and adds a third', () => {
    const onSave = vi.fn();
    const addressed = {
      ...party,
      addresses: [
        { types: ['work' as const], street: '1 Old St', locality: 'London' },
        { types: ['home' as const], locality: 'Bath' },
      ],
    };
    render(
      <EditParty
        party={addressed}
        busy={false}
        problem={null}
        onSave={onSave}
        onCancel={vi.fn()}
      />,
    );
    fireEvent.input(screen.getAllByTestId('edit-city')[1]!, { target: { value: 'Wells' } });
    fireEvent.change(screen.getByLabelText('Type of Address 2'), { target: { value: 'other' } });
    fireEvent.click(screen.getByTestId('edit-address-add'));
    expect(document.activeElement).toBe(screen.getAllByTestId('edit-street')[2]);
    fireEvent.input(screen.getAllByTestId('edit-country')[2]!, { target: { value: 'France' } });
    fireEvent.submit(screen.getByTestId('edit-party'));
    expect(onSave).toHaveBeenCalledWith({
      patch: {
        addresses: [
          { types: ['work'], street: '1 Old St', locality: 'London' },
          { types: ['other'], locality: 'Wells' },
          { types: [], country: 'France' },
        ],
      },
      clear: [],
    });
  });

  it('reads a typed date back in the user’s words', () => {
    render(
      <EditParty party={party} busy={false} problem={null} onSave={vi.fn()} onCancel={vi.fn()} />,
    );
    fireEvent.input(screen.getByTestId('edit-birthday'), { target: { value: '1815-12-10' } });
    expect(screen.getByTestId('edit-birthday-reads').textContent).toMatch(
      /^(?=.*December)(?=.*10)(?=.*1815)/,
    );
    fireEvent.input(screen.getByTestId('edit-birthday'), { target: { value: '31-02' } });
    expect(screen.queryByTestId('edit-birthday-reads')).toBeNull();
  });

  it('says why it cannot save, and shows the store’s refusal', () => {
    const onSave = vi.fn();
    const { rerender } = render(
      <EditParty party={party} busy={false} problem={null} onSave={onSave} onCancel={vi.fn()} />,
    );
    fireEvent.input(screen.getByTestId('edit-name'), { target: { value: '' } });
    fireEvent.submit(screen.getByTestId('edit-party'));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('A name is required.');
    fireEvent.input(screen.getByTestId('edit-name'), { target: { value: 'Ada' } });
    fireEvent.submit(screen.getByTestId('edit-party'));
    rerender(
      <EditParty
        party={party}
        busy={false}
        problem="grace@navy.example is already on Grace Hopper’s record."
        onSave={onSave}
        onCancel={vi.fn()}
      />,
    );
    expect(screen.getByRole('alert').textContent).toMatch(/already on Grace Hopper/);
  });

  it('cancels with Escape', () => {
    const onCancel = vi.fn();
    render(
      <EditParty party={party} busy={false} problem={null} onSave={vi.fn()} onCancel={onCancel} />,
    );
    fireEvent.keyDown(screen.getByTestId('edit-title'), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalled();
  });
});

describe('editing the address-book fields', () => {
  const base = {
    id: '00000000-0000-4000-8000-000000000001',
    type: 'person' as const,
    name: 'Ada Lovelace',
    kind: 'client' as const,
    kindHistory: [{ kind: 'client' as const, at: 0 }],
    emails: [],
    phones: [],
    domains: [],
    tags: [],
    notes: '',
    createdAt: 0,
    updatedAt: 0,
  };

  it('sends a year-less birthday, a nickname, a department and a changed address; keeps the others', () => {
    const party = {
      ...base,
      addresses: [
        { types: ['work' as const], street: '1 Old St', locality: 'London' },
        { types: ['home' as const], locality: 'Bath' },
      ],
    };
    const fields = fieldsOf(party);
    fields.addresses[0] = { ...fields.addresses[0]!, locality: 'Cambridge' };
    const edit = editOf(party, {
      ...fields,
      nickname: 'Countess',
      units: 'Research, Analytics',
      birthday: '12-10',
    });
    expect(edit).toEqual({
      patch: {
        nickname: 'Countess',
        organizationUnits: ['Research', 'Analytics'],
        birthday: '--12-10',
        addresses: [
          { types: ['work'], street: '1 Old St', locality: 'Cambridge' },
          { types: ['home'], locality: 'Bath' },
        ],
      },
      clear: [],
    });
  });

  it('refuses a date that is not one, in plain words', () => {
    expect(editOf(base, { ...fieldsOf(base), anniversary: '31-02' })).toBe(
      'The anniversary must be a date such as 1990-04-15, or 04-15 without the year.',
    );
  });

  it('emptying a field sends an empty value, which the store removes', () => {
    const party = { ...base, nickname: 'Ada', birthday: '1815-12-10' };
    expect(editOf(party, { ...fieldsOf(party), nickname: '', birthday: '' })).toEqual({
      patch: { nickname: '', birthday: '' },
      clear: [],
    });
  });
});

describe('the name and its parts', () => {
  const parted: Party = {
    ...party,
    nameParts: { prefix: 'Lady', given: 'Ada', family: 'Lovelace' },
  };
  const parts = (change: Partial<ReturnType<typeof fieldsOf>['nameParts']>) => ({
    ...fieldsOf(parted).nameParts,
    ...change,
  });

  const cases: [string, Partial<ReturnType<typeof fieldsOf>>, ReturnType<typeof editOf>][] = [
    [
      'a part edited: the whole set goes, trimmed, empty ones left out',
      { nameParts: parts({ family: ' King ', prefix: '' }) },
      { patch: { nameParts: { given: 'Ada', family: 'King' } }, clear: [] },
    ],
    [
      'a renamed record with the parts left alone keeps its parts',
      { name: 'Ada King' },
      { patch: { name: 'Ada King' }, clear: [] },
    ],
    [
      'parts edited with the name: both as typed, the parts are not derived',
      { name: 'Ada King', nameParts: parts({ family: 'King', suffix: 'Countess' }) },
      {
        patch: {
          name: 'Ada King',
          nameParts: { prefix: 'Lady', given: 'Ada', family: 'King', suffix: 'Countess' },
        },
        clear: [],
      },
    ],
    [
      'every part emptied: an empty set, which the store removes',
      {
        nameParts: { prefix: '', given: '', additional: '', family: '', suffix: '' },
      },
      { patch: { nameParts: {} }, clear: [] },
    ],
    [
      'only spaces added to a part: no change',
      { nameParts: parts({ given: 'Ada ' }) },
      { patch: {}, clear: [] },
    ],
  ];
  it.each(cases)('%s', (_label, change, expected) => {
    expect(editOf(parted, { ...fieldsOf(parted), ...change })).toEqual(expected);
  });

  it('says the parts stay when only the name is changed, and sends the parts typed', () => {
    const onSave = vi.fn();
    render(
      <EditParty party={parted} busy={false} problem={null} onSave={onSave} onCancel={vi.fn()} />,
    );
    const note = screen.getByTestId('edit-name-parts-note');
    expect(note.textContent).toBe('');
    expect(screen.getByTestId<HTMLInputElement>('edit-name-family').value).toBe('Lovelace');
    fireEvent.input(screen.getByTestId('edit-name'), { target: { value: 'Ada King' } });
    expect(note.getAttribute('role')).toBe('status');
    expect(note.textContent).toBe(
      'The name changed; its parts stay as they were unless you edit them here.',
    );
    fireEvent.input(screen.getByTestId('edit-name-family'), { target: { value: 'King' } });
    expect(note.textContent).toBe('');
    fireEvent.input(screen.getByTestId('edit-name-additional'), { target: { value: 'Byron' } });
    fireEvent.submit(screen.getByTestId('edit-party'));
    expect(onSave).toHaveBeenCalledWith({
      patch: {
        name: 'Ada King',
        nameParts: { prefix: 'Lady', given: 'Ada', additional: 'Byron', family: 'King' },
      },
      clear: [],
    });
  });

  it('says nothing of parts a record never had', () => {
    render(
      <EditParty party={party} busy={false} problem={null} onSave={vi.fn()} onCancel={vi.fn()} />,
    );
    fireEvent.input(screen.getByTestId('edit-name'), { target: { value: 'Ada King' } });
    expect(screen.getByTestId('edit-name-parts-note').textContent).toBe('');
  });
});
