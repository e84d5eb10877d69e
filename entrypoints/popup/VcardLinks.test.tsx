import { refusal } from '../../lib/domain/result';
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { VcardLinks } from './VcardLinks';

const url = 'https://harbourlane.example/cards/mira.vcf';

describe('VcardLinks', () => {
  it('shows nothing when the page links no cards', () => {
    const { container } = render(<VcardLinks urls={[]} tabId={1} />);
    expect(container.textContent).toBe('');
  });

  it('imports a card in one click and says who was added', async () => {
    const importCard = vi.fn(() =>
      Promise.resolve({
        ok: true as const,
        value: { added: 1, merged: 0, names: ['Mira Patel'], problems: [] },
      }),
    );
    render(<VcardLinks urls={[url]} tabId={3} importCard={importCard} />);
    expect(screen.getByRole('link', { name: 'mira.vcf' })).toBeTruthy();
    fireEvent.change(screen.getByTestId('vcard-kind'), { target: { value: 'customer' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import mira.vcf' }));
    expect((await screen.findByTestId('vcard-result')).textContent).toBe('Added Mira Patel.');
    expect(importCard).toHaveBeenCalledWith(url, 'customer');
  });

  it('says plainly when the card was already on file, or could not be read', async () => {
    const replies = [
      { ok: true as const, value: { added: 0, merged: 1, names: ['Mira Patel'], problems: [] } },
      {
        ok: false as const,
        error: refusal('forbidden', 'card_link_not_found'),
      },
    ];
    const importCard = vi.fn(() => Promise.resolve(replies.shift()!));
    render(<VcardLinks urls={[url]} tabId={3} importCard={importCard} />);
    fireEvent.click(screen.getByTestId('vcard-import'));
    expect((await screen.findByTestId('vcard-result')).textContent).toBe(
      'Mira Patel was already on file; details merged.',
    );
    fireEvent.click(screen.getByTestId('vcard-import'));
    expect((await screen.findByRole('alert')).textContent).toContain('not one of the links');
  });
});
