import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { RelationshipKind } from '../../../lib/domain/relationship';
import type { PartyView } from '../../../lib/protocol/contact-schemas';
import { RelationshipSection } from './RelationshipSection';
import type { Send } from './SuggestionNotice';

const T = Date.UTC(2026, 10, 2);

function viewOf(kind: RelationshipKind, prospect?: PartyView['party']['prospect']): PartyView {
  return {
    party: {
      id: 'p1',
      type: 'person',
      name: 'Ada',
      kind,
      kindHistory: [{ kind, at: T }],
      emails: [],
      phones: [],
      domains: [],
      tags: [],
      notes: '',
      createdAt: T,
      updatedAt: T,
      ...(prospect ? { prospect } : {}),
    },
    health: 'on-time',
  };
}

const firstPurchase = {
  from: 'prospect',
  to: 'customer',
  basis: 'first-purchase',
  params: { date: '2026-11-05', description: 'Audit' },
} as const;

/** A background with one party: purchases add up, and the first one suggests customer. */
function fakeBackground(kind: RelationshipKind) {
  const purchases: unknown[] = [];
  const calls: string[] = [];
  const send = vi.fn((name: string, request: Record<string, unknown>) => {
    calls.push(name);
    const answer = (value: unknown) => Promise.resolve({ ok: true, value });
    switch (name) {
      case 'parties/summary':
        return answer({
          view: viewOf(kind),
          engagements: [],
          purchases,
          purchaseTotals: purchases.length ? [{ currency: 'EUR', amountMinor: 12_000 }] : [],
          recurringMonthly: [],
          suggestion: purchases.length && kind === 'prospect' ? firstPurchase : null,
        });
      case 'purchases/record': {
        const purchase = { id: `u${purchases.length}`, partyId: 'p1', createdAt: T, ...request };
        purchases.unshift(purchase);
        return answer({ purchase, replayed: false, suggestion: firstPurchase });
      }
      case 'records/update': {
        const at = purchases.findIndex((p) => (p as { id: string }).id === request.id);
        purchases[at] = { ...(purchases[at] as object), ...(request.patch as object) };
        return answer({ store: 'purchases', record: purchases[at] });
      }
      case 'engagements/list':
        return answer({ engagements: [] });
      case 'engagements/catalogue':
        return answer({ services: [] });
      default:
        return Promise.resolve({ ok: false, error: { code: 'x', message: `no ${name}` } });
    }
  }) as unknown as Send;
  return { send, calls };
}

describe('RelationshipSection', () => {
  it('records a purchase from a disclosure: closes it, says so, reads again, suggests', async () => {
    const { send, calls } = fakeBackground('prospect');
    const onView = vi.fn();
    render(<RelationshipSection view={viewOf('prospect')} send={send} onView={onView} />);
    await screen.findByText('No engagements or purchases yet.');

    const toggle = screen.getByTestId('add-purchase');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const form = screen.getByTestId('purchase-form');
    expect(toggle.getAttribute('aria-controls')).toBe(form.parentElement?.id);
    // The first field takes the focus, ready to type.
    expect(document.activeElement).toBe(screen.getByTestId('purchase-amount'));

    fireEvent.input(screen.getByTestId('purchase-amount'), { target: { value: '120' } });
    fireEvent.input(screen.getByTestId('purchase-description'), { target: { value: 'Audit' } });
    fireEvent.submit(form);

    await waitFor(() => expect(screen.queryByTestId('purchase-form')).toBeNull());
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);
    expect(screen.getByTestId('relationship-status').textContent).toMatch(
      /^Recorded a purchase: Audit, €120\.00 on [A-Z][a-z]{2} \d{1,2}, \d{4}\.$/,
    );
    const suggestion = await screen.findByTestId('suggestion');
    expect(suggestion.getAttribute('data-to')).toBe('customer');
    expect(screen.getByTestId('purchase-total').textContent).toBe('€120.00 in total');
    expect(calls.filter((c) => c === 'parties/summary')).toHaveLength(2);
  });

  it('corrects a purchase in place and reads the totals again', async () => {
    const { send, calls } = fakeBackground('customer');
    render(
      <RelationshipSection
        view={viewOf('customer')}
        send={send}
        onView={vi.fn()}
        onPartDeleted={vi.fn()}
      />,
    );
    await screen.findByText('No engagements or purchases yet.');
    fireEvent.click(screen.getByTestId('add-purchase'));
    fireEvent.input(screen.getByTestId('purchase-amount'), { target: { value: '120' } });
    fireEvent.input(screen.getByTestId('purchase-description'), { target: { value: 'Audit' } });
    fireEvent.submit(screen.getByTestId('purchase-form'));
    fireEvent.click(await screen.findByTestId('edit-purchase'));
    fireEvent.input(screen.getByTestId('edit-purchase-description'), {
      target: { value: 'Security audit' },
    });
    fireEvent.submit(screen.getByTestId('edit-purchase-form'));

    await waitFor(() =>
      expect(screen.getByTestId('relationship-status').textContent).toBe(
        'Purchase corrected: Security audit.',
      ),
    );
    expect(send).toHaveBeenCalledWith('records/update', {
      store: 'purchases',
      id: 'u0',
      patch: {
        description: 'Security audit',
        on: expect.any(String) as string,
        recurrence: 'one-time',
        amount: { amountMinor: 12_000, currency: 'EUR' },
      },
    });
    await waitFor(() =>
      expect(screen.getByTestId('summary-purchase').textContent).toContain('Security audit'),
    );
    await waitFor(() => expect(calls.filter((c) => c === 'parties/summary')).toHaveLength(3));
  });

  it('closes a form on Escape without the key reaching the panel, and on Cancel', async () => {
    const { send } = fakeBackground('client');
    const outside = vi.fn();
    render(
      <div onKeyDown={outside}>
        <RelationshipSection view={viewOf('client')} send={send} onView={() => {}} />
      </div>,
    );
    const toggle = await screen.findByTestId('add-engagement');
    fireEvent.click(toggle);
    fireEvent.keyDown(screen.getByTestId('engagement-service'), { key: 'Escape' });
    expect(screen.queryByTestId('engagement-form')).toBeNull();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(outside).not.toHaveBeenCalled();

    fireEvent.click(toggle);
    fireEvent.click(screen.getByTestId('engagement-cancel'));
    expect(screen.queryByTestId('engagement-form')).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });

  it('opens one form at a time', async () => {
    const { send } = fakeBackground('customer');
    render(<RelationshipSection view={viewOf('customer')} send={send} onView={() => {}} />);
    fireEvent.click(await screen.findByTestId('add-purchase'));
    fireEvent.click(screen.getByTestId('add-engagement'));
    expect(screen.queryByTestId('purchase-form')).toBeNull();
    expect(screen.getByTestId('engagement-form')).toBeTruthy();
    expect(screen.getByTestId('add-purchase').getAttribute('aria-expanded')).toBe('false');
  });

  it.each([
    ['client', ['add-engagement', 'add-purchase'], 'add-engagement', false],
    ['customer', ['add-purchase', 'add-engagement'], 'add-purchase', false],
    ['prospect', ['add-purchase', 'add-engagement'], null, true],
  ] as const)('a %s: actions %j, main %s, the sale shown: %s', async (kind, order, main, sale) => {
    const { send } = fakeBackground(kind);
    render(<RelationshipSection view={viewOf(kind)} send={send} onView={() => {}} />);
    await screen.findByTestId('relationship-summary');
    const buttons = screen.getAllByRole('button').filter((b) => b.hasAttribute('aria-expanded'));
    expect(buttons.map((b) => b.dataset.testid)).toEqual(order);
    expect(
      buttons.filter((b) => b.classList.contains('primary')).map((b) => b.dataset.testid),
    ).toEqual(main ? [main] : []);
    expect(screen.queryByTestId('prospect-details') !== null).toBe(sale);
    expect(screen.getByTestId('relationship-summary').dataset.lead).toBe(
      kind === 'client' ? 'engagements' : 'purchases',
    );
  });
});
