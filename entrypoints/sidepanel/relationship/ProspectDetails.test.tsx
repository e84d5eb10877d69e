import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ProspectDetails } from './ProspectDetails';
import type { Send } from './SuggestionNotice';

const send = (answer: unknown) =>
  vi.fn(() => Promise.resolve(answer)) as unknown as Send & ReturnType<typeof vi.fn>;

describe('ProspectDetails', () => {
  it('shows what is stored, and saves the stage, source and next step as typed', async () => {
    const view = { party: { id: 'p1' }, health: 'on-time' };
    const fake = send({ ok: true, value: view });
    const onSaved = vi.fn();
    render(
      <ProspectDetails
        partyId="p1"
        prospect={{ stage: 'contacted', source: 'Referral' }}
        send={fake}
        onSaved={onSaved}
      />,
    );
    expect(screen.getByTestId<HTMLSelectElement>('prospect-stage').value).toBe('contacted');
    expect(screen.getByTestId<HTMLInputElement>('prospect-source').value).toBe('Referral');
    expect(screen.getByTestId<HTMLInputElement>('prospect-next-step').value).toBe('');

    fireEvent.change(screen.getByTestId('prospect-stage'), { target: { value: 'proposal' } });
    fireEvent.input(screen.getByTestId('prospect-source'), { target: { value: '' } });
    fireEvent.input(screen.getByTestId('prospect-next-step'), {
      target: { value: ' Send the proposal ' },
    });
    fireEvent.submit(screen.getByTestId('prospect-details'));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    // The emptied source is left out: that is how it is cleared.
    expect(fake).toHaveBeenCalledWith('prospects/update', {
      id: 'p1',
      stage: 'proposal',
      nextStep: 'Send the proposal',
    });
    expect(onSaved).toHaveBeenCalledWith(view, 'Saved: proposal stage; next: Send the proposal.');
  });

  it('starts a prospect without details at the first stage, and shows a refusal', async () => {
    const fake = send({ ok: false, error: { code: 'invalid', message: 'Ada is not a prospect.' } });
    const onSaved = vi.fn();
    render(<ProspectDetails partyId="p1" prospect={undefined} send={fake} onSaved={onSaved} />);
    expect(screen.getByTestId<HTMLSelectElement>('prospect-stage').value).toBe('new');
    fireEvent.submit(screen.getByTestId('prospect-details'));
    expect((await screen.findByRole('alert')).textContent).toBe('Ada is not a prospect.');
    expect(onSaved).not.toHaveBeenCalled();
  });
});
