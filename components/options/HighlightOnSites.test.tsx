import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { HighlightOnSites } from './HighlightOnSites';

describe('HighlightOnSites', () => {
  it('shows the stored choice and reports a change', () => {
    const onChange = vi.fn();
    render(<HighlightOnSites checked={false} onChange={onChange} />);
    const box = screen.getByRole('checkbox', { name: /other sites too/ });
    expect((box as HTMLInputElement).checked).toBe(false);
    fireEvent.click(box);
    expect(onChange).toHaveBeenCalledWith(true);
  });

  it('says why it is off, in words', () => {
    render(<HighlightOnSites checked onChange={() => undefined} />);
    expect(screen.getByRole<HTMLInputElement>('checkbox').checked).toBe(true);
    expect(screen.getByText(/scripts can see what is highlighted/)).toBeTruthy();
  });
});
