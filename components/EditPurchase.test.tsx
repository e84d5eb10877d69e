import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { Purchase } from '../lib/domain/purchase';
import { EditPurchase } from './EditPurchase';

const purchase: Purchase = {
  id: 'b1',
  partyId: 'p1',
  on: '2026-11-04',
  amount: { amountMinor: 120_000, currency: 'EUR' },
  description: 'Brand workshop',
  recurrence: 'one-time',
  createdAt: Date.UTC(2026, 10, 4),
};

describe('EditPurchase', () => {
  it('starts from the purchase and saves each field as corrected', () => {
    const onSave = vi.fn();
    render(<EditPurchase purchase={purchase} onSave={onSave} onCancel={vi.fn()} />);
    const description = screen.getByTestId<HTMLInputElement>('edit-purchase-description');
    expect(description.value).toBe('Brand workshop');
    fireEvent.input(description, { target: { value: 'Brand workshop, two days' } });
    fireEvent.input(screen.getByTestId('edit-purchase-amount'), { target: { value: '1500' } });
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'recurring' } });
    fireEvent.submit(screen.getByTestId('edit-purchase-form'));
    expect(onSave).toHaveBeenCalledWith({
      description: 'Brand workshop, two days',
      on: '2026-11-04',
      recurrence: 'recurring',
      amount: { amountMinor: 150_000, currency: 'EUR' },
    });
  });

  it('refuses an empty description in words, and saves nothing', () => {
    const onSave = vi.fn();
    render(<EditPurchase purchase={purchase} onSave={onSave} onCancel={vi.fn()} />);
    fireEvent.input(screen.getByTestId('edit-purchase-description'), { target: { value: ' ' } });
    fireEvent.submit(screen.getByTestId('edit-purchase-form'));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Say what was bought.');
  });
});
