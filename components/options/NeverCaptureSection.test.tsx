import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { NeverCaptureSection } from './NeverCaptureSection';

function setup(entries: string[] = []) {
  const onSave = vi.fn();
  render(<NeverCaptureSection entries={entries} onSave={onSave} />);
  const input = screen.getByTestId<HTMLInputElement>('never-capture-input');
  const add = (text: string) => {
    fireEvent.input(input, { target: { value: text } });
    fireEvent.submit(input.form!);
  };
  const shown = () =>
    screen.queryAllByTestId('never-capture-entry').map((li) => li.firstChild?.textContent);
  return { onSave, input, add, shown };
}

describe('NeverCaptureSection', () => {
  it('says when the list is empty', () => {
    setup();
    expect(screen.getByText(/Nothing yet/)).toBeTruthy();
  });

  it('adds addresses and domains in the form they are matched in', () => {
    const { onSave, add, shown, input } = setup();
    add(' Boss@Home.Example ');
    add('@Family.Example');
    add('bücher.example');
    expect(shown()).toEqual(['boss@home.example', 'family.example', 'xn--bcher-kva.example']);
    expect(onSave).toHaveBeenLastCalledWith([
      'boss@home.example',
      'family.example',
      'xn--bcher-kva.example',
    ]);
    expect(input.value).toBe('');
  });

  it('adds several pasted at once and keeps the ones it cannot read in the field', () => {
    const { onSave, add, shown, input } = setup();
    add('a@one.example, two.example; address@ three.example');
    expect(shown()).toEqual(['a@one.example', 'two.example', 'three.example']);
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(input.value).toBe('address@');
    expect(screen.getAllByRole('alert')[0]?.textContent).toContain('is not an email address');
  });

  it.each(['localhost', 'x@', 'a b@c', '1.2.3.4'])('refuses %j, saying why', (typed) => {
    const { onSave, add } = setup();
    add(typed);
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/is (not an email address|neither)/);
  });

  it('refuses what is already listed or already covered by a listed domain', () => {
    const { onSave, add } = setup(['home.example', 'me@work.example']);
    add('HOME.example');
    expect(screen.getByRole('alert').textContent).toBe('home.example is already on the list.');
    add('kid@mail.home.example');
    expect(screen.getByRole('alert').textContent).toBe(
      'kid@mail.home.example is already covered by home.example.',
    );
    add('ME@work.example');
    expect(screen.getByRole('alert').textContent).toBe('me@work.example is already on the list.');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('asks for something when nothing was typed', () => {
    const { onSave, add } = setup();
    add('   ');
    expect(screen.getByRole('alert').textContent).toBe('Type an address or a domain.');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('removes an entry and undoes it, back in its place, with focus on Undo', () => {
    const { onSave, shown } = setup(['a.example', 'b.example', 'c.example']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove b.example' }));
    expect(shown()).toEqual(['a.example', 'c.example']);
    expect(onSave).toHaveBeenLastCalledWith(['a.example', 'c.example']);
    const undo = screen.getByRole('button', { name: 'Undo' });
    expect(document.activeElement).toBe(undo);
    expect(screen.getByTestId('undo-notice').textContent).toContain('Removed b.example.');

    fireEvent.click(undo);
    expect(shown()).toEqual(['a.example', 'b.example', 'c.example']);
    expect(onSave).toHaveBeenLastCalledWith(['a.example', 'b.example', 'c.example']);
    expect(screen.queryByTestId('undo-notice')).toBeNull();
  });

  it('dismisses the undo offer with Escape, keeping the removal', () => {
    const { onSave, shown } = setup(['a.example']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove a.example' }));
    fireEvent.keyDown(screen.getByRole('button', { name: 'Undo' }), { key: 'Escape' });
    expect(screen.queryByTestId('undo-notice')).toBeNull();
    expect(shown()).toEqual([]);
    expect(onSave).toHaveBeenCalledTimes(1);
  });
});
