import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { SearchRow } from '../lib/db/search-row';
import { sendMessage } from '../lib/platform/messaging';
import { createSearchIndex, type SearchIndex } from '../lib/search/search-index';
import { relativeTime } from '../lib/ui/format';
import { KindBadge } from './KindBadge';
import './search.css';

export interface SearchPanelProps {
  /** Called with the chosen record's id (click, or Enter on the active result). */
  onOpen: (partyId: string) => void;
  /** When given, choosing a result calls this instead of `onOpen` (e.g. "log with…"). */
  onPick?: (partyId: string) => void;
  autoFocus?: boolean;
  placeholder?: string;
  /** What the search box is called, to assistive technology and on screen. */
  label?: string;
  /** How many results to show at most. */
  limit?: number;
  /** The instant "3 days ago" is counted from; now unless given. */
  now?: number;
}

type Load =
  | { state: 'loading' }
  | { state: 'ready'; index: SearchIndex }
  | { state: 'failed'; message: string };

/**
 * Search over every record, in memory. The background answers `search/rows` with
 * the compact projection once; every keystroke then searches it here, without a
 * round trip (a query takes a few milliseconds at 50,000 records, so there is no
 * debounce). With nothing typed, the most recently contacted records are listed.
 */
export function SearchPanel({
  onOpen,
  onPick,
  autoFocus = false,
  placeholder = 'Name, email, phone or organization',
  label = 'Search records',
  limit = 20,
  now,
}: SearchPanelProps) {
  const id = useId();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);

  // The panel may mount after the page has loaded, when `autofocus` no longer applies.
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  useEffect(() => {
    let current = true;
    void sendMessage('search/rows', {}).then((result) => {
      if (!current) return;
      setLoad(
        result.ok
          ? { state: 'ready', index: createSearchIndex(result.value.rows) }
          : { state: 'failed', message: result.error.message },
      );
    });
    return () => {
      current = false;
    };
  }, [attempt]);

  const typed = query.trim() !== '';
  const results = useMemo<SearchRow[]>(() => {
    if (load.state !== 'ready') return [];
    return typed ? load.index.search(query, limit) : load.index.recent(limit);
  }, [load, query, typed, limit]);

  const choose = (row: SearchRow | undefined) => {
    if (row) (onPick ?? onOpen)(row.id);
  };
  const optionId = (index: number) => `${id}-option-${index}`;

  const onKeyDown = (event: KeyboardEvent) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setActive((at) => Math.min(at + 1, results.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((at) => Math.max(at - 1, 0));
        break;
      case 'Enter':
        event.preventDefault();
        choose(results[active] ?? results[0]);
        break;
      case 'Escape':
        // Clear first; a second Escape is left to the page (a popup closes on it).
        if (query !== '') {
          event.preventDefault();
          event.stopPropagation();
          setQuery('');
          setActive(-1);
        }
        break;
    }
  };

  const size = load.state === 'ready' ? load.index.size : 0;
  const time = now ?? Date.now();
  let status: string | null = null;
  if (load.state === 'loading') status = 'Loading records…';
  else if (load.state === 'ready' && size === 0)
    status = 'No records yet. Add people from a page, or import a file, and find them here.';
  else if (load.state === 'ready' && typed && results.length === 0)
    status = `No record matches “${query.trim()}”.`;

  return (
    <section class="search-panel" data-testid="search-panel" data-state={load.state}>
      <label for={`${id}-input`} class="search-label">
        {label}
      </label>
      <input
        id={`${id}-input`}
        type="search"
        role="searchbox"
        class="search-input"
        data-testid="search-input"
        value={query}
        placeholder={placeholder}
        ref={input}
        autoComplete="off"
        spellcheck={false}
        aria-controls={`${id}-results`}
        aria-describedby={`${id}-status`}
        aria-activedescendant={results[active] ? optionId(active) : undefined}
        onInput={(event) => {
          setQuery(event.currentTarget.value);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-status`} class="search-status muted" role="status" data-testid="search-status">
        {status ?? (typed ? '' : results.length > 0 ? 'Recently in touch' : '')}
      </p>
      {load.state === 'failed' && (
        <p class="error" role="alert" data-testid="search-error">
          Records could not be loaded: {load.message}{' '}
          <button type="button" class="link" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </p>
      )}
      <ul
        id={`${id}-results`}
        class="search-results"
        role="listbox"
        aria-label={typed ? 'Matching records' : 'Recently in touch'}
      >
        {results.map((row, index) => (
          <li
            key={row.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            class={index === active ? 'search-result active' : 'search-result'}
            data-testid="search-result"
            data-party-id={row.id}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(row)}
          >
            <span class="search-result-line">
              <span class="search-result-name">{row.name}</span>
              <KindBadge kind={row.kind} />
            </span>
            <span class="search-result-line muted">
              <span class="search-result-detail">{row.organization ?? row.emails[0] ?? ''}</span>
              <span class="search-result-last" data-testid="search-result-last">
                {row.lastInteractionAt === undefined
                  ? 'no contact yet'
                  : relativeTime(row.lastInteractionAt, time)}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
