import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { HighlightOnSites } from './HighlightOnSites';

describe('HighlightOnSites', () => {
  it('shows the stored choice and reports a change', () => {
    const onChange = vi.fn();
    render(
      <HighlightOnSites
        checked={false}
        onChange={onChange}
        kindColours={false}
        onKindColours={() => undefined}
      />,
    );
    const box = screen.getByRole('checkbox', { name: /other sites too/ });
    expect((box as HTMLInputElement).checked).toBe(false);
    fireEvent.click(box);
    expect(onChange).toHaveBeenCalledWith(true);
  });

  it('says why it is off, in words', () => {
    render(
      <HighlightOnSites
        checked
        onChange={() => undefined}
        kindColours={false}
        onKindColours={() => undefined}
      />,
    );
    expect(
      screen.getByRole<HTMLInputElement>('checkbox', { name: /other sites too/ }).checked,
    ).toBe(true);
    expect(screen.getByText(/scripts can see what is highlighted/)).toBeTruthy();
  });

  it('offers colours by kind, off, saying what a page could learn from them', () => {
    const onKindColours = vi.fn();
    render(
      <HighlightOnSites
        checked={false}
        onChange={() => undefined}
        kindColours={false}
        onKindColours={onKindColours}
      />,
    );
    const box = screen.getByRole<HTMLInputElement>('checkbox', {
      name: /Colour highlights by kind/,
    });
    expect(box.checked).toBe(false);
    expect(box.getAttribute('aria-describedby')).toBe('kind-colours-why');
    expect(screen.getByText(/tell your clients from your prospects/)).toBeTruthy();
    fireEvent.click(box);
    expect(onKindColours).toHaveBeenCalledWith(true);
  });
});
