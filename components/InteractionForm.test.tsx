import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { InteractionForm } from './InteractionForm';

const NOW = new Date(2026, 10, 23, 15, 30).getTime();

describe('InteractionForm', () => {
  it('saves with Enter from the summary: type, direction, now and the summary', () => {
    const onSubmit = vi.fn();
    render(<InteractionForm partyName="Ada" now={NOW} busy={false} onSubmit={onSubmit} />);
    const summary = screen.getByTestId('log-summary');
    expect(document.activeElement).toBe(summary);
    fireEvent.input(summary, { target: { value: 'Agreed the retainer' } });
    fireEvent.submit(screen.getByTestId('log-form'));
    expect(onSubmit).toHaveBeenCalledWith({
      type: 'call',
      direction: 'outbound',
      at: NOW,
      summary: 'Agreed the retainer',
    });
  });

  it('refuses a follow-up dated before the interaction, saying why', () => {
    const onSubmit = vi.fn();
    render(<InteractionForm partyName="Ada" now={NOW} busy={false} onSubmit={onSubmit} />);
    fireEvent.input(screen.getByLabelText('Follow up on'), { target: { value: '2026-11-01' } });
    fireEvent.submit(screen.getByTestId('log-form'));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe(
      'The follow-up must come after the interaction.',
    );
  });

  it('passes a follow-up date as 9:00 that day', () => {
    const onSubmit = vi.fn();
    render(
      <InteractionForm
        partyName="Ada"
        now={NOW}
        busy={false}
        defaultType="email"
        onSubmit={onSubmit}
      />,
    );
    fireEvent.input(screen.getByLabelText('Follow up on'), { target: { value: '2026-12-01' } });
    fireEvent.submit(screen.getByTestId('log-form'));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'email', followUpAt: new Date(2026, 11, 1, 9, 0).getTime() }),
    );
  });
});

describe('InteractionForm with a thread link', () => {
  const link = 'http://127.0.0.1:8080/gmail.html#inbox/FMfcgzQZTm';

  it('attaches the link by default, and not once unticked', () => {
    const onSubmit = vi.fn();
    render(
      <InteractionForm
        partyName="Ada"
        now={NOW}
        busy={false}
        defaultType="email"
        link={link}
        onSubmit={onSubmit}
      />,
    );
    fireEvent.submit(screen.getByTestId('log-form'));
    expect(onSubmit).toHaveBeenLastCalledWith(expect.objectContaining({ type: 'email', link }));
    fireEvent.click(screen.getByTestId('log-attach-link'));
    fireEvent.submit(screen.getByTestId('log-form'));
    expect(onSubmit.mock.lastCall?.[0]).not.toHaveProperty('link');
  });

  it('keeps the focus where it is when told not to take it', () => {
    render(
      <InteractionForm
        partyName="Ada"
        now={NOW}
        busy={false}
        autoFocus={false}
        onSubmit={vi.fn()}
      />,
    );
    expect(document.activeElement).not.toBe(screen.getByTestId('log-summary'));
  });
});
