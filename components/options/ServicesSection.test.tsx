import { refusal } from '../../lib/domain/result';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { Service } from '../../lib/domain/service';
import type { ServiceDraft, ServiceListing } from '../../lib/db/service-repository';
import { ServicesSection, type ServicesSectionProps } from './ServicesSection';

const T = Date.UTC(2026, 10, 23);

const advisory: Service = {
  id: 's1',
  name: 'Monthly advisory',
  scope: 'Two calls a month.',
  terms: {
    pricingModel: 'retainer',
    rate: { amountMinor: 250_000, currency: 'EUR' },
    billingPeriod: 'month',
  },
  archived: false,
  createdAt: T,
  updatedAt: T,
};
const audit: Service = {
  ...advisory,
  id: 's2',
  name: 'Tax audit',
  scope: '',
  terms: { pricingModel: 'fixed-fee', rate: { amountMinor: 120_050, currency: 'USD' } },
};

function setup(listing: ServiceListing[] = [], overrides: Partial<ServicesSectionProps> = {}) {
  const props: ServicesSectionProps = {
    listing,
    locale: 'en-US',
    fallbackCurrency: '',
    onSave: vi.fn((draft: ServiceDraft) =>
      Promise.resolve({
        ok: true as const,
        value: { ...advisory, ...draft, id: draft.id ?? 'new', archived: false },
      }),
    ),
    onArchive: vi.fn((id: string, archived: boolean) =>
      Promise.resolve({ ok: true as const, value: { ...advisory, id, archived } }),
    ),
    onDelete: vi.fn((id: string) =>
      Promise.resolve({ ok: true as const, value: id === audit.id ? audit : advisory }),
    ),
    onRestore: vi.fn((service: Service) => Promise.resolve({ ok: true as const, value: service })),
    ...overrides,
  };
  const view = render(<ServicesSection {...props} />);
  return { props, view };
}

const typeInto = (label: string | RegExp, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
const choose = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('ServicesSection', () => {
  it('says the catalogue is empty and offers to add', () => {
    setup();
    expect(screen.getByText(/No services yet/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add a service' })).toBeTruthy();
  });

  it('lists each service with its terms in the user’s locale', () => {
    setup([
      { service: advisory, engagements: 2 },
      { service: audit, engagements: 0 },
    ]);
    const rows = screen.getAllByTestId('service-row');
    expect(rows.map((row) => row.querySelector('.service-terms')?.textContent)).toEqual([
      '€2,500.00 a month (retainer)',
      '$1,200.50 fixed fee',
    ]);
    expect(rows[0]?.textContent).toContain('Used by 2 engagements');
  });

  it('adds a service, reading the typed amount exactly in the currency’s minor unit', async () => {
    const { props } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Add a service' }));
    const form = screen.getByTestId('service-form');
    typeInto('Name', '  Strategy day ');
    choose('Pricing', 'fixed-fee');
    typeInto('Fee', '1,250.50');
    choose('Currency', 'USD');
    typeInto('Scope', 'A day on site.');
    fireEvent.submit(form);
    await waitFor(() => expect(props.onSave).toHaveBeenCalledTimes(1));
    expect(props.onSave).toHaveBeenCalledWith({
      name: 'Strategy day',
      scope: 'A day on site.',
      terms: { pricingModel: 'fixed-fee', rate: { amountMinor: 125_050, currency: 'USD' } },
    });
    await waitFor(() => expect(screen.queryByTestId('service-form')).toBeNull());
  });

  it.each([
    ['JPY', '9,800', 9800],
    ['KWD', '12.125', 12_125],
    ['EUR', '0.1', 10],
  ])('stores %s %s as %i minor units', async (currency, typed, minor) => {
    const { props } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Add a service' }));
    typeInto('Name', 'Session');
    typeInto('Rate per hour', typed);
    choose('Currency', currency);
    fireEvent.submit(screen.getByTestId('service-form'));
    await waitFor(() => expect(props.onSave).toHaveBeenCalled());
    expect(props.onSave).toHaveBeenCalledWith(
      expect.objectContaining({
        terms: { pricingModel: 'hourly', rate: { amountMinor: minor, currency } },
      }),
    );
  });

  it('names every problem beside its field, focuses the first, and saves nothing', () => {
    const { props } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Add a service' }));
    typeInto('Rate per hour', '12.505');
    fireEvent.submit(screen.getByTestId('service-form'));
    expect(props.onSave).not.toHaveBeenCalled();
    expect(screen.getByText('Give the service a name.')).toBeTruthy();
    expect(screen.getByText('Choose the currency you charge in.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));

    typeInto('Name', 'Session');
    choose('Currency', 'JPY');
    fireEvent.submit(screen.getByTestId('service-form'));
    expect(screen.getByText('JPY has no smaller unit: enter a whole amount.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Rate per hour'));
    expect(screen.getByLabelText('Rate per hour').getAttribute('aria-invalid')).toBe('true');
    expect(props.onSave).not.toHaveBeenCalled();
  });

  it('asks for a billing period only for retainers and subscriptions', async () => {
    const { props } = setup([{ service: audit, engagements: 0 }]);
    fireEvent.click(screen.getByRole('button', { name: 'Add a service' }));
    expect(screen.queryByLabelText('Billed')).toBeNull();
    choose('Pricing', 'subscription');
    choose('Billed', 'year');
    typeInto('Name', 'Newsletter');
    typeInto('Amount per billing period', '99');
    fireEvent.submit(screen.getByTestId('service-form'));
    await waitFor(() => expect(props.onSave).toHaveBeenCalled());
    // The currency of the catalogue's first service is the default.
    expect(props.onSave).toHaveBeenCalledWith(
      expect.objectContaining({
        terms: {
          pricingModel: 'subscription',
          rate: { amountMinor: 9900, currency: 'USD' },
          billingPeriod: 'year',
        },
      }),
    );
  });

  it('edits a service with its amount shown as typed, and cancels with Escape', async () => {
    const { props } = setup([{ service: audit, engagements: 0 }]);
    fireEvent.click(screen.getByRole('button', { name: 'Edit Tax audit' }));
    expect(screen.getByLabelText<HTMLInputElement>('Fee').value).toBe('1,200.50');
    fireEvent.keyDown(screen.getByLabelText('Name'), { key: 'Escape' });
    expect(screen.queryByTestId('service-form')).toBeNull();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit Tax audit' })),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Edit Tax audit' }));
    typeInto('Fee', '1300');
    fireEvent.submit(screen.getByTestId('service-form'));
    await waitFor(() => expect(props.onSave).toHaveBeenCalled());
    expect(props.onSave).toHaveBeenCalledWith({
      id: 's2',
      name: 'Tax audit',
      scope: '',
      terms: { pricingModel: 'fixed-fee', rate: { amountMinor: 130_000, currency: 'USD' } },
    });
  });

  it('shows the background’s refusal in the form and keeps it open', async () => {
    const onSave = vi.fn(() =>
      Promise.resolve({
        ok: false as const,
        error: refusal('duplicate', 'error_service_name_taken', { name: 'Tax audit' }),
      }),
    );
    setup([{ service: audit, engagements: 0 }], { onSave });
    fireEvent.click(screen.getByRole('button', { name: 'Add a service' }));
    typeInto('Name', 'tax audit');
    typeInto('Rate per hour', '10');
    fireEvent.submit(screen.getByTestId('service-form'));
    expect((await screen.findByRole('alert')).textContent).toContain('already offered');
    expect(screen.getByTestId('service-form')).toBeTruthy();
  });

  it('offers archive but not delete for a service engagements were made from', () => {
    const { props } = setup([{ service: advisory, engagements: 1 }]);
    const row = screen.getByTestId('service-row');
    expect(within(row).queryByRole('button', { name: /Delete/ })).toBeNull();
    fireEvent.click(within(row).getByRole('button', { name: 'Archive Monthly advisory' }));
    expect(props.onArchive).toHaveBeenCalledWith('s1', true);
  });

  it('keeps archived services apart, and offers them again', () => {
    const { props } = setup([
      { service: audit, engagements: 0 },
      { service: { ...advisory, archived: true }, engagements: 3 },
    ]);
    expect(screen.getByText('Archived (1)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Offer again Monthly advisory' }));
    expect(props.onArchive).toHaveBeenCalledWith('s1', false);
  });

  it('deletes an unused service, then undoes it', async () => {
    const { props, view } = setup([{ service: audit, engagements: 0 }]);
    fireEvent.click(screen.getByRole('button', { name: 'Delete Tax audit' }));
    await waitFor(() => expect(props.onDelete).toHaveBeenCalledWith('s2'));
    view.rerender(<ServicesSection {...props} listing={[]} />);
    const undo = await screen.findByRole('button', { name: 'Undo' });
    expect(screen.getByTestId('undo-notice').textContent).toContain('Deleted “Tax audit”.');
    expect(document.activeElement).toBe(undo);
    fireEvent.click(undo);
    await waitFor(() => expect(props.onRestore).toHaveBeenCalledWith(audit));
    await waitFor(() => expect(screen.queryByTestId('undo-notice')).toBeNull());
  });

  it('says why a delete was refused', async () => {
    const onDelete = vi.fn(() =>
      Promise.resolve({
        ok: false as const,
        error: refusal('in_use', 'error_service_in_use', { count: 1 }),
      }),
    );
    setup([{ service: audit, engagements: 0 }], { onDelete });
    fireEvent.click(screen.getByRole('button', { name: 'Delete Tax audit' }));
    expect((await screen.findByRole('alert')).textContent).toContain('An engagement was made');
    expect(screen.queryByTestId('undo-notice')).toBeNull();
  });
});
