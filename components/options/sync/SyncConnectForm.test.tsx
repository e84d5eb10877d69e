import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { SyncConnectForm } from './SyncConnectForm';

function fill(values: { server?: string; user?: string; password?: string }) {
  for (const [field, value] of Object.entries(values))
    fireEvent.input(screen.getByTestId(`sync-${field}`), { target: { value } });
}

describe('SyncConnectForm', () => {
  it('hands over what was typed, synchronously from the submit, with the remember choice', () => {
    const onConnect = vi.fn();
    render(<SyncConnectForm busy={false} problem={null} onConnect={onConnect} />);
    fill({ server: ' https://dav.example.com/ ', user: ' alice ', password: 'app pass' });
    fireEvent.click(screen.getByTestId('sync-remember'));
    fireEvent.click(screen.getByTestId('sync-connect'));
    expect(onConnect).toHaveBeenCalledExactlyOnceWith({
      server: 'https://dav.example.com/',
      user: 'alice',
      password: 'app pass',
      remember: true,
    });
  });

  it.each([
    [{ user: 'alice', password: 'x' }, 'Enter the server’s address.'],
    [{ server: 'https://dav.example.com', password: 'x' }, 'Enter your user name.'],
    [{ server: 'https://dav.example.com', user: 'alice' }, 'Enter the app password.'],
  ])('names the missing field (%j) and moves focus to it, sending nothing', (values, words) => {
    const onConnect = vi.fn();
    render(<SyncConnectForm busy={false} problem={null} onConnect={onConnect} />);
    fill(values);
    fireEvent.submit(screen.getByTestId('sync-connect-form'));
    const problem = screen.getByTestId('sync-problem');
    expect(problem.textContent).toBe(words);
    expect(document.activeElement).toBe(problem);
    expect(onConnect).not.toHaveBeenCalled();
  });

  it('shows the background’s answer in words with focus on it', () => {
    const { rerender } = render(
      <SyncConnectForm busy={false} problem={null} onConnect={vi.fn()} />,
    );
    expect(screen.queryByTestId('sync-problem')).toBeNull();
    rerender(
      <SyncConnectForm busy={false} problem="Wrong user name or password." onConnect={vi.fn()} />,
    );
    expect(screen.getByRole('alert').textContent).toBe('Wrong user name or password.');
    expect(document.activeElement).toBe(screen.getByRole('alert'));
  });

  it('is busy while connecting: the button says so and a second submit sends nothing', () => {
    const onConnect = vi.fn();
    render(<SyncConnectForm busy problem={null} onConnect={onConnect} />);
    fill({ server: 'https://dav.example.com', user: 'alice', password: 'x' });
    const button = screen.getByTestId<HTMLButtonElement>('sync-connect');
    expect(button.disabled).toBe(true);
    expect(button.textContent).toBe('Connecting…');
    expect(screen.getByTestId('sync-connect-form').getAttribute('aria-busy')).toBe('true');
    fireEvent.submit(screen.getByTestId('sync-connect-form'));
    expect(onConnect).not.toHaveBeenCalled();
  });

  it('starts from a known server and user but never a password', () => {
    render(
      <SyncConnectForm
        initial={{ server: 'https://dav.example.com/', user: 'alice', remember: true }}
        busy={false}
        problem={null}
        onConnect={vi.fn()}
      />,
    );
    expect(screen.getByTestId<HTMLInputElement>('sync-server').value).toBe(
      'https://dav.example.com/',
    );
    expect(screen.getByTestId<HTMLInputElement>('sync-password').value).toBe('');
    expect(screen.getByTestId<HTMLInputElement>('sync-password').type).toBe('password');
    expect(screen.getByTestId<HTMLInputElement>('sync-remember').checked).toBe(true);
  });
});
