import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CADENCE } from '../../lib/domain/cadence';
import { CadenceSection } from './CadenceSection';

function setup() {
  const onSave = vi.fn();
  render(<CadenceSection cadence={DEFAULT_CADENCE} onSave={onSave} delayMs={10} />);
  return { onSave, field: (kind: string) => screen.getByTestId(`cadence-${kind}`) };
}

describe('CadenceSection', () => {
  it('shows the stored days for each kind, and says former relationships are not chased', () => {
    const { field } = setup();
    expect((field('client') as HTMLInputElement).value).toBe('30');
    expect((field('customer') as HTMLInputElement).value).toBe('90');
    expect((field('prospect') as HTMLInputElement).value).toBe('14');
    expect(screen.getByText(/former clients and customers are not chased/)).toBeTruthy();
  });

  it('saves a valid change once typing pauses, keeping the other kinds', async () => {
    const { onSave, field } = setup();
    fireEvent.input(field('client'), { target: { value: '45' } });
    expect(onSave).not.toHaveBeenCalled();
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave).toHaveBeenCalledWith({ ...DEFAULT_CADENCE, client: 45 });
  });

  it('saves at once on Enter, and not again when nothing changed', () => {
    const { onSave, field } = setup();
    fireEvent.input(field('prospect'), { target: { value: ' 7 ' } });
    fireEvent.keyDown(field('prospect'), { key: 'Enter' });
    expect(onSave).toHaveBeenCalledWith({ ...DEFAULT_CADENCE, prospect: 7 });
    fireEvent.blur(field('prospect'));
    expect(onSave).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['1.5', 'Use whole days, like 30.'],
    ['-3', 'Use whole days, like 30.'],
    ['thirty', 'Use whole days, like 30.'],
    ['0', 'Choose from 1 to 3650 days (ten years).'],
    ['3651', 'Choose from 1 to 3650 days (ten years).'],
    ['', 'Enter a number of days.'],
  ])('refuses %j beside the field, saving nothing', async (typed, message) => {
    const { onSave, field } = setup();
    fireEvent.input(field('customer'), { target: { value: typed } });
    fireEvent.blur(field('customer'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(message);
    expect(field('customer').getAttribute('aria-invalid')).toBe('true');
    expect(field('customer').getAttribute('aria-describedby')).toBe(alert.id);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(onSave).not.toHaveBeenCalled();
  });

  it('keeps a problem hidden while the user is still typing', () => {
    const { field } = setup();
    fireEvent.input(field('client'), { target: { value: '' } });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('saves nothing while another field is wrong, then everything once it is fixed', () => {
    const { onSave, field } = setup();
    fireEvent.input(field('client'), { target: { value: '0' } });
    fireEvent.blur(field('client'));
    fireEvent.input(field('customer'), { target: { value: '60' } });
    fireEvent.blur(field('customer'));
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.input(field('client'), { target: { value: '21' } });
    fireEvent.blur(field('client'));
    expect(onSave).toHaveBeenCalledWith({ ...DEFAULT_CADENCE, client: 21, customer: 60 });
  });
});
