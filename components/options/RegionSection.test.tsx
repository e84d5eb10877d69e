import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { RegionSection } from './RegionSection';

describe('RegionSection', () => {
  it('shows the stored region by name and saves another as soon as it is chosen', () => {
    const onSave = vi.fn();
    render(<RegionSection region="GB" locale="en" onSave={onSave} />);
    const select = screen.getByTestId<HTMLSelectElement>('region-select');
    expect(select.selectedOptions[0]?.textContent).toBe('United Kingdom (GB)');
    fireEvent.change(select, { target: { value: 'DE' } });
    expect(onSave).toHaveBeenCalledWith('DE');
  });
});
