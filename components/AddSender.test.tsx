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

describe('AddSender, more details', () => {
  const type = (testId: string, value: string, within: ParentNode = document) =>
    fireEvent.input(within.querySelector(`[data-testid="${testId}"]`)!, { target: { value } });

  it('keeps them folded away until asked, and then adds the party whole', () => {
    const onAdd = vi.fn();
    render(<AddSender contact={wendell} now={NOW} busy={false} problem={null} onAdd={onAdd} />);
    expect(screen.queryByTestId('add-sender-name-given')).toBeNull();
    const more = screen.getByTestId('add-sender-more');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    // The panel takes the focus at its first field.
    expect(document.activeElement).toBe(screen.getByTestId('add-sender-name-prefix'));

    type('add-sender-name-given', ' Wendell ');
    type('add-sender-name-family', 'Notreal');
    type('add-sender-units', 'Audit, Tax');
    type('add-sender-role', 'Partner');
    fireEvent.click(screen.getByTestId('edit-phone-add'));
    type('edit-phone-value', '+44 20 7946 0018');
    fireEvent.change(screen.getByTestId('edit-phone-type'), { target: { value: 'mobile' } });
    fireEvent.click(screen.getByTestId('edit-email-add'));
    type('edit-email-value', 'wendell@home.example');
    fireEvent.change(screen.getByTestId('edit-email-type'), { target: { value: 'home' } });
    fireEvent.click(screen.getByTestId('edit-website-add'));
    type('edit-website-value', 'https://wendell.example');
    type('add-sender-anniversary', '06-21');
    expect(screen.getByTestId('add-sender-anniversary-reads').textContent).toBe('June 21');
    fireEvent.click(screen.getByTestId('edit-address-add'));
    fireEvent.change(screen.getByTestId('edit-address-type'), { target: { value: 'work' } });
    type('edit-street', '1 Quay Street');
    type('edit-city', 'Bristol');
    type('edit-postal-code', 'BS1 4DJ');
    fireEvent.click(screen.getByTestId('add-sender-client'));

    expect(onAdd).toHaveBeenCalledTimes(1);
    expect(onAdd.mock.lastCall?.[0]).toEqual({
      type: 'person',
      name: 'Wendell Notreal',
      kind: 'client',
      nameParts: { given: 'Wendell', family: 'Notreal' },
      organizationUnits: ['Audit', 'Tax'],
      role: 'Partner',
      emails: ['wendell.notreal@quayside.example', 'wendell@home.example'],
      emailLabels: [{ value: 'wendell@home.example', types: ['home'] }],
      phones: ['+44 20 7946 0018'],
      phoneLabels: [{ value: '+44 20 7946 0018', types: ['mobile'] }],
      website: 'https://wendell.example',
      anniversary: '--06-21',
      addresses: [
        {
          types: ['work'],
          street: '1 Quay Street',
          locality: 'Bristol',
          postalCode: 'BS1 4DJ',
        },
      ],
    });
  });

  it('puts typed values after the ticked suggestions, a typed organization instead of a suggested one', () => {
    const onAdd = vi.fn();
    render(<AddSender contact={wendell} now={NOW} busy={false} problem={null} onAdd={onAdd} />);
    fireEvent.click(screen.getByText('Use all'));
    fireEvent.click(screen.getByTestId('add-sender-more'));
    type('add-sender-organization', 'Quayside Holdings');
    fireEvent.click(screen.getByTestId('edit-phone-add'));
    type('edit-phone-value', '+12025550142');
    fireEvent.click(screen.getByTestId('edit-phone-add'));
    const phones = screen.getAllByTestId('edit-phone-value');
    fireEvent.input(phones[1]!, { target: { value: '+12025550199' } });
    fireEvent.click(screen.getByTestId('edit-website-add'));
    type('edit-website-value', 'https://blog.quayside.example');
    fireEvent.click(screen.getByTestId('add-sender-customer'));
    expect(onAdd.mock.lastCall?.[0]).toMatchObject({
      organizationName: 'Quayside Holdings',
      title: 'Founder',
      // The signature's phone, typed again, is kept once.
      phones: ['+12025550142', '+12025550199'],
      website: 'https://quayside.example/team',
      moreWebsites: ['https://blog.quayside.example'],
    });
  });

  it('refuses an anniversary that is no date, and keeps what was typed when folded away', () => {
    const onAdd = vi.fn();
    render(<AddSender contact={wendell} now={NOW} busy={false} problem={null} onAdd={onAdd} />);
    fireEvent.click(screen.getByTestId('add-sender-more'));
    type('add-sender-anniversary', '13-45');
    fireEvent.click(screen.getByTestId('add-sender-more'));
    expect(screen.queryByTestId('add-sender-anniversary')).toBeNull();
    fireEvent.click(screen.getByTestId('add-sender-client'));
    expect(onAdd).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe(
      'The anniversary must be a date such as 1990-04-15, or 04-15 without the year.',
    );
    fireEvent.click(screen.getByTestId('add-sender-more'));
    expect(screen.getByTestId<HTMLInputElement>('add-sender-anniversary').value).toBe('13-45');
  });

  it('closes with Escape, giving the focus back to its button', () => {
    render(<AddSender contact={wendell} now={NOW} busy={false} problem={null} onAdd={vi.fn()} />);
    const more = screen.getByTestId('add-sender-more');
    fireEvent.click(more);
    fireEvent.keyDown(screen.getByTestId('add-sender-name-prefix'), { key: 'Escape' });
    expect(screen.queryByTestId('add-sender-name-prefix')).toBeNull();
    expect(document.activeElement).toBe(more);
  });
});
