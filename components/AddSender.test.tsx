import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { AddSender } from './AddSender';

const NOW = Date.UTC(2026, 2, 5, 10, 0);
const wendell = {
  name: 'Wendell Notreal',
  emails: ['wendell.notreal@quayside.example'],
  phones: ['+12025550142'],
  organization: 'Quayside Partners LLP',
  title: 'Founder',
  website: 'https://quayside.example/team',
};
const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcg';

describe('AddSender', () => {
  it('adds the name and address as given; signature details only when ticked', () => {
    const onAdd = vi.fn();
    render(
      <AddSender contact={wendell} url={url} now={NOW} busy={false} problem={null} onAdd={onAdd} />,
    );
    expect(screen.getByTestId<HTMLInputElement>('add-sender-name').value).toBe('Wendell Notreal');
    fireEvent.click(screen.getByTestId('add-sender-client'));
    expect(onAdd).toHaveBeenLastCalledWith({
      type: 'person',
      name: 'Wendell Notreal',
      kind: 'client',
      emails: ['wendell.notreal@quayside.example'],
      phones: [],
      captured: { url, at: NOW },
    });

    fireEvent.click(screen.getByTestId('suggestion-title'));
    fireEvent.click(screen.getByTestId('suggestion-phone'));
    fireEvent.click(screen.getByTestId('add-sender-prospect'));
    expect(onAdd).toHaveBeenLastCalledWith(
      expect.objectContaining({ kind: 'prospect', title: 'Founder', phones: ['+12025550142'] }),
    );
    expect(onAdd.mock.lastCall?.[0]).not.toHaveProperty('organizationName');
  });

  it('takes every suggestion at once', () => {
    const onAdd = vi.fn();
    render(<AddSender contact={wendell} now={NOW} busy={false} problem={null} onAdd={onAdd} />);
    fireEvent.click(screen.getByText('Use all'));
    fireEvent.click(screen.getByTestId('add-sender-customer'));
    expect(onAdd).toHaveBeenCalledWith(
      expect.objectContaining({
        organizationName: 'Quayside Partners LLP',
        title: 'Founder',
        website: 'https://quayside.example/team',
        phones: ['+12025550142'],
      }),
    );
  });

  it('names someone from their address when the page gave no name, and refuses an empty one', () => {
    const onAdd = vi.fn();
    render(
      <AddSender
        contact={{ emails: ['juniper.sample@ledgerline.example'], phones: [] }}
        now={NOW}
        busy={false}
        problem={null}
        onAdd={onAdd}
      />,
    );
    const name = screen.getByTestId<HTMLInputElement>('add-sender-name');
    expect(name.value).toBe('Juniper Sample');
    expect(document.activeElement).toBe(name);
    expect(screen.queryByTestId('suggestions')).toBeNull();
    fireEvent.input(name, { target: { value: '  ' } });
    fireEvent.click(screen.getByTestId('add-sender-client'));
    expect(onAdd).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('A name is required.');
  });

  it('takes a nickname and a year-less birthday, and refuses a date that is not one', () => {
    const onAdd = vi.fn();
    render(<AddSender contact={wendell} now={NOW} busy={false} problem={null} onAdd={onAdd} />);
    fireEvent.input(screen.getByTestId('add-sender-birthday'), { target: { value: '31-02' } });
    fireEvent.click(screen.getByTestId('add-sender-client'));
    expect(onAdd).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('04-15 without the year');
    fireEvent.input(screen.getByTestId('add-sender-birthday'), { target: { value: '4-15' } });
    fireEvent.input(screen.getByTestId('add-sender-nickname'), { target: { value: 'Dell' } });
    fireEvent.click(screen.getByTestId('add-sender-client'));
    expect(onAdd).toHaveBeenLastCalledWith(
      expect.objectContaining({ birthday: '--04-15', nickname: 'Dell' }),
    );
  });
});
