import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { EngagementStatus } from './EngagementStatus';
import { PurchaseForm } from './PurchaseForm';
import { RelationshipSummary } from './RelationshipSummary';
import type { Send } from './SuggestionNotice';

const T = Date.UTC(2026, 10, 2);
const party = {
  id: 'p1',
  type: 'person',
  name: 'Ada',
  kind: 'prospect',
  kindHistory: [{ kind: 'prospect', at: T }],
  emails: [],
  phones: [],
  domains: [],
  tags: [],
  notes: '',
  createdAt: T,
  updatedAt: T,
};

const summary = {
  view: { party, health: 'on-time' },
  engagements: [
    {
      id: 'e1',
      partyId: 'p1',
      serviceName: 'Monthly advisory',
      terms: {
        pricingModel: 'retainer',
        rate: { amountMinor: 250_000, currency: 'EUR' },
        billingPeriod: 'month',
      },
      startOn: '2026-11-01',
      renewOn: '2027-11-01',
      status: 'active',
      scopeNotes: '',
      createdAt: T,
      updatedAt: T,
    },
  ],
  purchases: [
    {
      id: 'u1',
      partyId: 'p1',
      on: '2026-11-02',
      amount: { amountMinor: 4_950, currency: 'USD' },
      description: 'Book',
      recurrence: 'one-time',
      createdAt: T,
    },
  ],
  purchaseTotals: [{ currency: 'USD', amountMinor: 4_950 }],
  recurringMonthly: [{ currency: 'EUR', amountMinor: 250_000 }],
  suggestion: {
    from: 'prospect',
    to: 'client',
    basis: 'engagement-active',
    params: { service: 'Monthly advisory' },
  },
};

function fakeSend(answers: Record<string, unknown>) {
  return vi.fn((name: string) =>
    Promise.resolve(
      name in answers
        ? { ok: true, value: answers[name] }
        : { ok: false, error: { code: 'x', message: `no ${name}` } },
    ),
  ) as unknown as Send & ReturnType<typeof vi.fn>;
}

describe('RelationshipSummary', () => {
  it('shows what the party buys, totals per currency, and applies the suggestion', async () => {
    const send = fakeSend({ 'parties/summary': summary, 'parties/setKind': summary.view });
    render(<RelationshipSummary partyId="p1" send={send} />);
    await screen.findByTestId('relationship-summary');
    expect(screen.getByTestId('summary-engagement').textContent).toContain(
      'Monthly advisory · €2,500.00 a month (retainer)',
    );
    expect(screen.getByTestId('purchase-total').textContent).toBe('$49.50 in total');
    expect(screen.getByTestId('recurring-monthly').textContent).toContain('€2,500.00');
    expect(screen.getByTestId('suggestion').textContent).toContain('Prospect → Client');

    fireEvent.click(screen.getByTestId('apply-suggestion'));
    await waitFor(() =>
      expect(send).toHaveBeenCalledWith('parties/setKind', {
        id: 'p1',
        kind: 'client',
        reason:
          '“Monthly advisory” is an active engagement: an ongoing agreement makes them a client.',
      }),
    );
  });

  it('says plainly when nothing has been bought', async () => {
    const send = fakeSend({
      'parties/summary': {
        ...summary,
        engagements: [],
        purchases: [],
        purchaseTotals: [],
        recurringMonthly: [],
        suggestion: null,
      },
    });
    render(<RelationshipSummary partyId="p1" send={send} />);
    expect(await screen.findByText('No engagements or purchases yet.')).toBeTruthy();
    expect(screen.queryByTestId('suggestion')).toBeNull();
  });

  it('puts purchases first when the kind leads with them, and engagements first otherwise', async () => {
    const send = fakeSend({ 'parties/summary': summary });
    const { unmount } = render(<RelationshipSummary partyId="p1" send={send} lead="purchases" />);
    const parts = async () =>
      [...(await screen.findByTestId('relationship-summary')).querySelectorAll('h3')].map(
        (h) => h.textContent,
      );
    expect(await parts()).toEqual(['Purchases', 'Engagements']);
    unmount();
    render(<RelationshipSummary partyId="p1" send={send} lead="engagements" />);
    expect(await parts()).toEqual(['Engagements', 'Purchases']);
  });

  it('shows ended engagements folded away, read from the full list', async () => {
    const ended = { ...summary.engagements[0], id: 'e0', status: 'ended', endOn: '2026-10-31' };
    const send = fakeSend({
      'parties/summary': summary,
      'engagements/list': { engagements: [summary.engagements[0], ended] },
    });
    render(<RelationshipSummary partyId="p1" send={send} />);
    const past = await screen.findByTestId('past-engagements');
    expect(past.querySelector('summary')?.textContent).toBe('Ended engagements (1)');
    expect(screen.getByTestId('past-engagement').textContent).toContain(
      'Nov 1, 2026 – Oct 31, 2026',
    );
  });

  it('re-reads when the kind changes: a choice decides the suggestion', async () => {
    const send = fakeSend({ 'parties/summary': summary });
    const { rerender } = render(<RelationshipSummary partyId="p1" send={send} kind="prospect" />);
    await screen.findByTestId('relationship-summary');
    rerender(<RelationshipSummary partyId="p1" send={send} kind="client" />);
    await waitFor(() =>
      expect(send.mock.calls.filter(([name]) => name === 'parties/summary')).toHaveLength(2),
    );
  });
});

describe('EngagementStatus', () => {
  const engagement = {
    id: 'e1',
    serviceName: 'Monthly advisory',
    status: 'active',
    startOn: '2026-11-01',
  } as const;
  const stored = (status: string, endOn?: string) => ({
    engagement: { ...summary.engagements[0], status, ...(endOn ? { endOn } : {}) },
    suggestion: null,
  });

  it('pauses at once, saying so', async () => {
    const send = fakeSend({ 'engagements/setStatus': stored('paused') });
    const onChanged = vi.fn();
    render(<EngagementStatus engagement={engagement} send={send} onChanged={onChanged} />);
    expect(screen.queryByTestId('engagement-to-active')).toBeNull();
    fireEvent.click(screen.getByTestId('engagement-to-paused'));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith('Paused “Monthly advisory”.'));
    expect(send).toHaveBeenCalledWith('engagements/setStatus', { id: 'e1', status: 'paused' });
  });

  it('asks for the end date, today unless changed, before ending', async () => {
    const send = fakeSend({ 'engagements/setStatus': stored('ended', '2026-11-20') });
    const onChanged = vi.fn();
    render(
      <EngagementStatus
        engagement={engagement}
        send={send}
        today="2026-11-23"
        onChanged={onChanged}
      />,
    );
    fireEvent.click(screen.getByTestId('engagement-to-ended'));
    expect(send).not.toHaveBeenCalled();
    const date = screen.getByTestId<HTMLInputElement>('engagement-end-on');
    expect(date.value).toBe('2026-11-23');
    expect(document.activeElement).toBe(date);
    fireEvent.input(date, { target: { value: '2026-11-20' } });
    fireEvent.submit(screen.getByTestId('engagement-end-form'));
    await waitFor(() =>
      expect(onChanged).toHaveBeenCalledWith('Ended “Monthly advisory” on 2026-11-20.'),
    );
    expect(send).toHaveBeenCalledWith('engagements/setStatus', {
      id: 'e1',
      status: 'ended',
      endOn: '2026-11-20',
    });
  });

  it('backs out of ending on Escape, the focus back on End', () => {
    const send = fakeSend({});
    render(<EngagementStatus engagement={engagement} send={send} onChanged={() => {}} />);
    fireEvent.click(screen.getByTestId('engagement-to-ended'));
    fireEvent.keyDown(screen.getByTestId('engagement-end-on'), { key: 'Escape' });
    expect(screen.queryByTestId('engagement-end-form')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('engagement-to-ended'));
    expect(send).not.toHaveBeenCalled();
  });

  it('shows why the background refused', async () => {
    const send = fakeSend({});
    render(<EngagementStatus engagement={engagement} send={send} onChanged={() => {}} />);
    fireEvent.click(screen.getByTestId('engagement-to-paused'));
    expect((await screen.findByRole('alert')).textContent).toBe('no engagements/setStatus');
  });
});

describe('PurchaseForm', () => {
  it('sends the typed amount as exact minor units and shows the suggestion', async () => {
    const send = fakeSend({
      'purchases/record': {
        purchase: summary.purchases[0],
        replayed: false,
        suggestion: { ...summary.suggestion, to: 'customer', basis: 'first-purchase' },
      },
    });
    render(<PurchaseForm partyId="p1" send={send} today="2026-11-05" defaultCurrency="USD" />);
    fireEvent.input(screen.getByTestId('purchase-amount'), { target: { value: '1,234.56' } });
    fireEvent.input(screen.getByTestId('purchase-description'), { target: { value: 'Audit' } });
    fireEvent.submit(screen.getByTestId('purchase-form'));
    await screen.findByTestId('suggestion');
    expect(send).toHaveBeenCalledWith(
      'purchases/record',
      expect.objectContaining({
        partyId: 'p1',
        on: '2026-11-05',
        amount: { amountMinor: 123_456, currency: 'USD' },
        description: 'Audit',
        recurrence: 'one-time',
      }),
    );
  });

  it('refuses an amount it cannot read exactly, sending nothing', () => {
    const send = fakeSend({});
    render(<PurchaseForm partyId="p1" send={send} defaultCurrency="JPY" />);
    fireEvent.input(screen.getByTestId('purchase-amount'), { target: { value: '12.5' } });
    fireEvent.input(screen.getByTestId('purchase-description'), { target: { value: 'Tea' } });
    fireEvent.submit(screen.getByTestId('purchase-form'));
    expect(screen.getByRole('alert').textContent).toBe(
      'JPY has no smaller unit: enter a whole amount.',
    );
    expect(send).not.toHaveBeenCalled();
  });
});
