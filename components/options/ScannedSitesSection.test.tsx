import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ScannedSitesSection, type ScannedSitesSectionProps } from './ScannedSitesSection';

const WEBMAIL = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
];

function setup(granted: string[] | undefined, overrides: Partial<ScannedSitesSectionProps> = {}) {
  const props: ScannedSitesSectionProps = {
    builtIn: WEBMAIL,
    granted,
    onGrant: vi.fn(() => Promise.resolve(null)),
    onRevoke: vi.fn(() => Promise.resolve(true)),
    ...overrides,
  };
  render(<ScannedSitesSection {...props} />);
  return props;
}

describe('ScannedSitesSection', () => {
  it('shows webmail as built in, by name', () => {
    setup([]);
    const builtIn = screen.getByTestId('built-in-sites');
    expect([...builtIn.querySelectorAll('li')].map((li) => li.firstChild?.textContent)).toEqual([
      'Gmail',
      'Outlook',
      'Outlook.com',
    ]);
    expect(screen.getByText(/None yet/)).toBeTruthy();
  });

  it('lists the sites the user added, each with a way to stop', async () => {
    const props = setup(['https://crm.example/*', 'http://intranet.example/*']);
    const rows = screen.getAllByTestId('granted-site');
    expect(rows.map((row) => row.firstChild?.textContent)).toEqual([
      'crm.example',
      'http://intranet.example',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Stop reading crm.example' }));
    await waitFor(() => expect(props.onRevoke).toHaveBeenCalledWith('https://crm.example/*'));

    // Undo asks the browser for the site again (a click may grant it).
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(props.onGrant).toHaveBeenCalledWith('https://crm.example/*');
  });

  it('offers no undo when the browser kept the site', async () => {
    const props = setup(['https://crm.example/*'], {
      onRevoke: vi.fn(() => Promise.resolve(false)),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Stop reading crm.example' }));
    await waitFor(() => expect(props.onRevoke).toHaveBeenCalled());
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('adds a site from the keyboard and says plainly when it cannot', async () => {
    const onGrant = vi.fn((site: string) =>
      Promise.resolve(site === 'nope' ? '“nope” is not a web address like crm.example.com.' : null),
    );
    setup([], { onGrant });
    const input = screen.getByLabelText<HTMLInputElement>('Add a site');
    fireEvent.input(input, { target: { value: 'nope' } });
    fireEvent.submit(input.form!);
    expect((await screen.findByRole('alert')).textContent).toContain('is not a web address');
    expect(input.getAttribute('aria-invalid')).toBe('true');

    fireEvent.input(input, { target: { value: 'crm.example.com' } });
    fireEvent.submit(input.form!);
    await waitFor(() => expect(input.value).toBe(''));
    expect(onGrant).toHaveBeenLastCalledWith('crm.example.com');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
