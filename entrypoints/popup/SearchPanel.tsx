// Over 300 lines: the box, the result list with its keyboard model and the bulk
// selection share one state (the active row, the shown rows, the selected ids).
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RelationshipKind } from '../../lib/domain/relationship';
import { openSearchBook } from './open-book';
import { BookChanged, type SearchBook, type ShownRow } from '../../lib/search/search-book';
import { indexSource, type SearchIndex } from '../../lib/search/search-index';
import { relativeTime } from '../../lib/ui/format';
import { t } from '../../lib/platform/i18n';
import { KindBadge } from '../../components/KindBadge';
import '../../components/search.css';
import { say } from '../../lib/ui/ui-text';

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
  /** With it, each result has a checkbox (`select-row`) and "Select all matching". */
  selection?: {
    selected: ReadonlySet<string>;
    onChange: (ids: readonly string[], selected: boolean) => void;
  };
}

const MAX_REREADS = 3;

type Load =
  | { state: 'loading' }
  | { state: 'ready'; book: SearchBook; index: SearchIndex }
  | { state: 'failed'; message: string };

/**
 * Search over every record, in memory. The panel reads the search projection
 * straight from the store (lib/search/read-projection.ts; the background's
 * `search/rows` when it cannot), then every keystroke searches it here without a
 * round trip (a query takes a few milliseconds at 50,000 records, so there is no
 * debounce). What a result shows is read per bucket as results need it, then all
 * of it in the background. With nothing typed, the most recently contacted
 * records are listed.
 */
export function SearchPanel({
  onOpen,
  onPick,
  autoFocus = false,
  placeholder = t('popup_search_placeholder'),
  label = t('popup_search_label'),
  limit = 20,
  now,
  selection,
}: SearchPanelProps) {
  const id = useId();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  // Reading starts as the panel first renders, not after the first paint: the read
  // is most of the time to the first answer.
  const [opening, setOpening] = useState(openSearchBook);
  const again = () => setOpening(openSearchBook());
  // Records written while they were being read are read again, but not forever.
  const rereads = useRef(0);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const [, setShowsLoaded] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const lastShown = useRef<ShownRow[]>([]);

  // The panel may mount after the page has loaded, when `autofocus` no longer applies.
  // Before paint: the first keystroke after "/" must reach the box.
  useLayoutEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  useEffect(() => {
    let current = true;
    let opened: SearchBook | undefined;
    void opening.then((result) => {
      if (!result.ok) {
        if (current) setLoad({ state: 'failed', message: say(result.error.message) });
        return;
      }
      opened = result.value;
      if (current) setLoad({ state: 'ready', book: opened, index: indexSource(opened) });
      else opened.close();
    });
    return () => {
      current = false;
      opened?.close();
    };
  }, [opening]);

  const typed = query.trim() !== '';
  // Phones come with what results show: a query by number is asked again once all is read.
  const complete = load.state === 'ready' && load.book.complete;
  // Rows matched as typed are shown at once; rows matched only with a typo rank
  // after them, so that slower pass follows a moment later (unless it is all there is).
  const asTyped = useMemo<{ found: number[]; typosWanted: boolean }>(() => {
    if (load.state !== 'ready') return { found: [], typosWanted: false };
    if (!typed) return { found: load.index.recent(limit), typosWanted: false };
    const first = load.index.searchAsTyped(query, limit);
    if (first.found.length > 0 || !first.typosWanted) return first;
    return { found: load.index.search(query, limit), typosWanted: false };
  }, [load, query, typed, limit, complete]);
  const [withTypos, setWithTypos] = useState<{ after: typeof asTyped; found: number[] }>();
  useEffect(() => {
    if (load.state !== 'ready' || !asTyped.typosWanted) return;
    const later = setTimeout(() =>
      setWithTypos({ after: asTyped, found: load.index.search(query, limit) }),
    );
    return () => clearTimeout(later);
  }, [asTyped]);
  const positions = withTypos?.after === asTyped ? withTypos.found : asTyped.found;
  const ready = load.state === 'ready' ? load.book.rowsAt(positions) : [];
  if (ready) lastShown.current = ready;
  // Until what the new results show is read (only just after opening), the last ones stay.
  const results = ready ?? lastShown.current;
  const pending = ready === undefined;

  // A layout effect: what the first results show is asked for before the paint.
  useLayoutEffect(() => {
    if (load.state !== 'ready') return;
    const { book } = load;
    let current = true;
    const failed = (error: unknown) => {
      if (!current) return;
      if (error instanceof BookChanged && rereads.current++ < MAX_REREADS) again();
      else setLoad({ state: 'failed', message: String(error) });
    };
    // Once the first results can be shown, the rest is read while the user types.
    if (pending) {
      book
        .ensure(positions)
        .then(() => {
          if (current) setShowsLoaded((n) => n + 1);
          return book.loadAll();
        })
        .then(() => current && setShowsLoaded((n) => n + 1))
        .catch(failed);
      return () => {
        current = false;
      };
    }
    if (complete) return;
    const later = setTimeout(
      () =>
        void book
          .loadAll()
          .then(() => current && setShowsLoaded((n) => n + 1))
          .catch(failed),
      0,
    );
    return () => {
      current = false;
      clearTimeout(later);
    };
  }, [load, positions, pending, complete]);

  /** Every record the query matches (or every record), for "Select all matching". */
  const allMatching = async (): Promise<string[]> => {
    if (load.state !== 'ready') return [];
    const { book, index } = load;
    const found = typed ? index.search(query, book.size) : index.recent(book.size);
    await book.ensure(found);
    return (book.rowsAt(found) ?? []).map((row) => row.id);
  };

  const choose = (row: ShownRow | undefined) => {
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

  const size = load.state === 'ready' ? load.book.size : 0;
  const time = now ?? Date.now();
  let status: string | null = null;
  if (load.state === 'loading') status = t('popup_search_loading');
  else if (load.state === 'ready' && size === 0) status = t('popup_search_empty_book');
  else if (load.state === 'ready' && typed && !pending && results.length === 0)
    status = t('popup_search_no_match', query.trim());

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
        {status ?? (typed ? '' : results.length > 0 ? t('popup_search_recent') : '')}
      </p>
      {load.state === 'failed' && (
        <p class="error" role="alert" data-testid="search-error">
          {t('popup_search_failed', load.message)}{' '}
          <button type="button" class="link" onClick={again}>
            {t('popup_try_again')}
          </button>
        </p>
      )}
      {selection && results.length > 0 && (
        <button
          type="button"
          class="link"
          data-testid="select-all"
          onClick={() => void allMatching().then((ids) => selection.onChange(ids, true))}
        >
          {typed ? t('popup_search_select_matching') : t('popup_search_select_all')}
        </button>
      )}
      {/* With selection a row holds two controls (its checkbox and the record), so the
          rows are a plain list: an option may not contain a checkbox (axe's
          nested-interactive), nor a listbox a checkbox beside its options. */}
      <ul
        id={`${id}-results`}
        class="search-results"
        role={selection ? undefined : 'listbox'}
        aria-label={typed ? t('popup_search_matching') : t('popup_search_recent')}
      >
        {results.map((row, index) => {
          const summary = (
            <>
              <span class="search-result-line">
                <span class="search-result-name">{row.name}</span>
                {/* Kinds in the store are written from parsed parties only. */}
                <KindBadge kind={row.kind as RelationshipKind} />
              </span>
              <span class="search-result-line muted">
                <span class="search-result-detail">{row.organization ?? row.emails[0] ?? ''}</span>
                <span class="search-result-last" data-testid="search-result-last">
                  {row.lastInteractionAt === undefined
                    ? t('popup_search_no_contact')
                    : relativeTime(row.lastInteractionAt, time)}
                </span>
              </span>
            </>
          );
          const shared = {
            class: index === active ? 'search-result active' : 'search-result',
            'data-testid': 'search-result',
            'data-party-id': row.id,
            onMouseDown: (event: MouseEvent) => event.preventDefault(),
            onClick: () => choose(row),
          };
          if (!selection)
            return (
              <li
                key={row.id}
                {...shared}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
              >
                {summary}
              </li>
            );
          return (
            <li key={row.id} {...shared} class={`${shared.class} selectable`}>
              <input
                type="checkbox"
                data-testid="select-row"
                aria-label={t('popup_search_select_row', row.name)}
                checked={selection.selected.has(row.id)}
                onClick={(event) => event.stopPropagation()}
                onChange={(event) => selection.onChange([row.id], event.currentTarget.checked)}
              />
              {/* The row's click (bubbling from here) opens it; the button gives the
                  keyboard and assistive technology the same target. */}
              <button type="button" id={optionId(index)} class="search-result-open">
                {summary}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
