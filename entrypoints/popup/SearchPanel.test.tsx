import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SearchRow } from '../../lib/db/search-row';
import { createDbOpener, type ClienteleDb } from '../../lib/db/open';
import { DB_NAME } from '../../lib/db/schema';
import { projectParties } from '../../lib/db/search-projection';
import type { Party } from '../../lib/domain/party';
import { STALE_KEY } from '../../lib/search/projection-format';
import { SearchPanel } from './SearchPanel';

const NOW = Date.UTC(2026, 10, 23, 12);
const DAY = 86_400_000;

const ROWS: SearchRow[] = [
  {
    id: 'p-john',
    name: 'John Smith',
    kind: 'client',
    type: 'person',
    emails: ['john@acme.example'],
    phones: ['+12125550100'],
    organization: 'Acme Ltd',
    lastInteractionAt: NOW - 3 * DAY,
    text: 'john smith acme ltd john@acme.example',
  },
  {
    id: 'p-zoe',
    name: 'Zoë Lefèvre',
    kind: 'prospect',
    type: 'person',
    emails: ['zoe@creme.example'],
    phones: [],
    lastInteractionAt: NOW - DAY,
    text: 'zoe lefevre zoe@creme.example',
  },
  {
    id: 'p-jane',
    name: 'Jane Smithers',
    kind: 'customer',
    type: 'person',
    emails: ['jane@smithers.example'],
    phones: [],
    text: 'jane smithers jane@smithers.example',
  },
  {
    id: 'p-evil',
    name: '<img src=x onerror=alert(1)>',
    kind: 'former',
    type: 'person',
    emails: [],
    phones: [],
    text: '<img src=x onerror=alert(1)>',
  },
];

/** Answers `search/rows` the way the background does, through the real messaging. */
function answerRows(reply: () => unknown) {
  const asked = vi.fn();
  fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    asked(message);
    sendResponse(reply());
    return true;
  });
  return asked;
}

function renderPanel(props: Partial<Parameters<typeof SearchPanel>[0]> = {}) {
  const onOpen = vi.fn();
  render(<SearchPanel onOpen={onOpen} now={NOW} {...props} />);
  return { onOpen, input: screen.getByRole('searchbox', { name: 'Search records' }) };
}

const type = (input: HTMLElement, value: string) => fireEvent.input(input, { target: { value } });
const shown = () => screen.queryAllByTestId('search-result').map((li) => li.dataset.partyId);
const ready = () =>
  waitFor(() => expect(screen.getByTestId('search-panel').dataset.state).toBe('ready'));

describe('SearchPanel', () => {
  it('asks the background for the rows once, saying so while it waits', async () => {
    const asked = answerRows(() => ({ ok: true, value: { rows: ROWS } }));
    const { input } = renderPanel();
    expect(screen.getByTestId('search-status').textContent).toBe('Loading records…');
    await ready();
    type(input, 'j');
    type(input, 'jo');
    expect(asked).toHaveBeenCalledTimes(1);
    expect(asked).toHaveBeenCalledWith(expect.objectContaining({ name: 'search/rows' }));
  });

  it('lists the most recently contacted records before anything is typed', async () => {
    answerRows(() => ({ ok: true, value: { rows: ROWS } }));
    renderPanel();
    await ready();
    expect(shown()).toEqual(['p-zoe', 'p-john']);
    expect(screen.getByTestId('search-status').textContent).toBe('Recently in touch');
  });

  it('filters as the user types: typos, word order and diacritics', async () => {
    answerRows(() => ({ ok: true, value: { rows: ROWS } }));
    const { input } = renderPanel();
    await ready();
    for (const [query, expected] of [
      ['smith', ['p-john', 'p-jane']],
      ['jhon', ['p-john']],
      ['smithers jane', ['p-jane']],
      ['zoe', ['p-zoe']],
      ['555 0100', ['p-john']],
      ['acme', ['p-john']],
    ] as const) {
      type(input, query);
      expect(shown(), query).toEqual(expected);
    }
  });

  it('shows what matches as typed at once, and what matches only with a typo just after', async () => {
    const smyth = { ...ROWS[2]!, id: 'p-smyth', name: 'Ann Smyth', emails: [], text: 'ann smyth' };
    answerRows(() => ({ ok: true, value: { rows: [...ROWS, smyth] } }));
    const { input } = renderPanel();
    await ready();
    type(input, 'smith');
    expect(shown()).toEqual(['p-john', 'p-jane']);
    await waitFor(() => expect(shown()).toEqual(['p-john', 'p-jane', 'p-smyth']));
    // With nothing found as typed, the typo pass answers at once.
    type(input, 'smyht');
    expect(shown()).toEqual(['p-smyth']);
  });

  it('shows name, kind, organization or email, and last contact for each result', async () => {
    answerRows(() => ({ ok: true, value: { rows: ROWS } }));
    const { input } = renderPanel();
    await ready();
    type(input, 'smith');
    const [john, jane] = screen.getAllByTestId('search-result');
    expect(john!.textContent).toContain('John Smith');
    expect(john!.querySelector('[data-testid=kind-badge]')!.textContent).toBe('Client');
    expect(john!.textContent).toContain('Acme Ltd');
    expect(john!.querySelector('[data-testid=search-result-last]')!.textContent).toBe('3 days ago');
    expect(jane!.querySelector('[data-testid=kind-badge]')!.textContent).toBe('Customer');
    expect(jane!.textContent).toContain('jane@smithers.example');
    expect(jane!.querySelector('[data-testid=search-result-last]')!.textContent).toBe(
      'no contact yet',
    );
  });

  it('renders what records hold as text, never as markup', async () => {
    answerRows(() => ({ ok: true, value: { rows: ROWS } }));
    const { input } = renderPanel();
    await ready();
    type(input, 'img');
    const [result] = screen.getAllByTestId('search-result');
    expect(result!.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(result!.querySelector('img')).toBeNull();
  });

  it('moves through results with the arrow keys and opens the active one with Enter', async () => {
    answerRows(() => ({ ok: true, value: { rows: ROWS } }));
    const { input, onOpen } = renderPanel();
    await ready();
    type(input, 'smith');
    expect(input.getAttribute('aria-activedescendant')).toBeNull();
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' }); // stays on the last
    const options = screen.getAllByRole('option');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    expect(options.map((o) => o.getAttribute('aria-selected'))).toEqual(['false', 'true']);
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith('p-jane');
  });

  it('opens the first result on Enter when none is active, and a result on click', async () => {
    answerRows(() => ({ ok: true, value: { rows: ROWS } }));
    const { input, onOpen } = renderPanel();
    await ready();
    type(input, 'smith');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onOpen).toHaveBeenLastCalledWith('p-john');
    fireEvent.click(screen.getAllByTestId('search-result')[1]!);
    expect(onOpen).toHaveBeenLastCalledWith('p-jane');
  });

  it('with selection, gives each row a checkbox and an open button, neither inside the other', async () => {
    answerRows(() => ({ ok: true, value: { rows: ROWS } }));
    const onChange = vi.fn();
    const { input, onOpen } = renderPanel({
      selection: { selected: new Set(['p-jane']), onChange },
    });
    await ready();
    type(input, 'smith');
    // No option holds a control: the rows are a plain list of two controls each.
    expect(screen.queryAllByRole('option')).toEqual([]);
    const boxes = screen.getAllByTestId<HTMLInputElement>('select-row');
    expect(boxes.map((box) => box.checked)).toEqual([false, true]);
    for (const box of boxes) expect(box.closest('button, [role="option"]')).toBeNull();
    fireEvent.click(boxes[0]!);
    expect(onChange).toHaveBeenCalledWith(['p-john'], true);
    expect(onOpen).not.toHaveBeenCalled();
    // The arrow keys still lead, and point assistive technology at the row's button.
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    const open = screen.getAllByRole('button', { name: /Jane Smithers/ })[0]!;
    expect(input.getAttribute('aria-activedescendant')).toBe(open.id);
    fireEvent.click(open);
    expect(onOpen).toHaveBeenLastCalledWith('p-jane');
  });

  it('calls onPick instead of onOpen when it is given', async () => {
    answerRows(() => ({ ok: true, value: { rows: ROWS } }));
    const onPick = vi.fn();
    const { input, onOpen } = renderPanel({ onPick });
    await ready();
    type(input, 'zoe');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith('p-zoe');
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('clears the query on Escape', async () => {
    answerRows(() => ({ ok: true, value: { rows: ROWS } }));
    const { input } = renderPanel();
    await ready();
    type(input, 'jhon');
    expect(shown()).toEqual(['p-john']);
    fireEvent.keyDown(input, { key: 'Escape' });
    expect((input as HTMLInputElement).value).toBe('');
    expect(shown()).toEqual(['p-zoe', 'p-john']);
  });

  it('says plainly when nothing matches', async () => {
    answerRows(() => ({ ok: true, value: { rows: ROWS } }));
    const { input } = renderPanel();
    await ready();
    type(input, 'qqzzx');
    expect(shown()).toEqual([]);
    expect(screen.getByTestId('search-status').textContent).toBe('No record matches “qqzzx”.');
  });

  it('says so when the book is empty', async () => {
    answerRows(() => ({ ok: true, value: { rows: [] } }));
    const { input } = renderPanel();
    await ready();
    type(input, 'john');
    expect(screen.getByTestId('search-status').textContent).toMatch(/^No records yet/);
    expect(shown()).toEqual([]);
  });

  it('shows the error and tries again when the background fails', async () => {
    let fail = true;
    answerRows(() =>
      fail
        ? {
            ok: false,
            error: { code: 'internal', message: { code: 'error_internal', params: {} } },
          }
        : { ok: true, value: { rows: ROWS } },
    );
    renderPanel();
    await waitFor(() =>
      expect(screen.getByTestId('search-error').textContent).toContain('went wrong'),
    );
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await ready();
    expect(shown()).toEqual(['p-zoe', 'p-john']);
  });

  it('focuses the box when asked, and takes a placeholder', async () => {
    answerRows(() => ({ ok: true, value: { rows: ROWS } }));
    const { input } = renderPanel({ autoFocus: true, placeholder: 'Find someone' });
    await ready();
    expect(document.activeElement).toBe(input);
    expect(input.getAttribute('placeholder')).toBe('Find someone');
  });

  describe('reading the store itself', () => {
    const parties: Party[] = ROWS.map((row, i) => ({
      // UUIDs in different buckets, as the background makes them.
      id: `${['00', '40', '80', 'c0'][i]}000000-0000-4000-8000-00000000000${i}`,
      type: row.type,
      name: row.name,
      kind: row.kind,
      kindHistory: [{ kind: row.kind, at: 0 }],
      emails: row.emails,
      phones: row.phones,
      domains: [],
      tags: [],
      notes: '',
      ...(row.organization ? { organizationName: row.organization } : {}),
      ...(row.lastInteractionAt === undefined ? {} : { lastInteractionAt: row.lastInteractionAt }),
      createdAt: 0,
      updatedAt: 0,
    }));
    const idOf = (name: string) => parties.find((p) => p.name === name)!.id;

    /** What the background writes when these records are created. */
    async function stored(extra?: (db: ClienteleDb) => Promise<unknown>) {
      const db = await createDbOpener(DB_NAME)();
      const tx = db.transaction(['parties', 'searchBuckets'], 'readwrite');
      for (const party of parties) void tx.objectStore('parties').put(party);
      await projectParties(tx, parties);
      await tx.done;
      await extra?.(db);
      db.close();
    }

    it('answers from the store, without asking the background', async () => {
      await stored();
      const asked = answerRows(() => ({ ok: true, value: { rows: [] } }));
      const { input } = renderPanel();
      await ready();
      await waitFor(() => expect(shown()).toEqual([idOf('Zoë Lefèvre'), idOf('John Smith')]));
      type(input, 'smith');
      await waitFor(() => expect(shown()).toEqual([idOf('John Smith'), idOf('Jane Smithers')]));
      // A phone is found once what results show is read, which follows the first answer.
      type(input, '555 0100');
      await waitFor(() => expect(shown()).toEqual([idOf('John Smith')]));
      expect(screen.getAllByTestId('search-result')[0]!.textContent).toContain('Acme Ltd');
      expect(asked).not.toHaveBeenCalled();
    });

    it('asks the background when the projection is marked stale', async () => {
      await stored((db) => db.put('searchBuckets', { bucket: STALE_KEY, since: 0 }));
      const asked = answerRows(() => ({ ok: true, value: { rows: ROWS } }));
      renderPanel();
      await ready();
      expect(asked).toHaveBeenCalledWith(expect.objectContaining({ name: 'search/rows' }));
      expect(shown()).toEqual(['p-zoe', 'p-john']);
    });
  });
});
