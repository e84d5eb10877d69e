import { useState } from 'preact/hooks';
import type { RelationshipKind } from '../../lib/domain/relationship';
import type { Result } from '../../lib/domain/result';
import { sendMessage } from '../../lib/platform/messaging';
import type { Response } from '../../lib/protocol/messages';
import { targetTabId } from './target-tab';

type CardImport = Response<'transfer/importVcardLink'>;

export interface VcardLinksProps {
  urls: string[];
  /** The tab the cards were found on; the popup's target tab when not given. */
  tabId?: number;
  /** Imports one card; asks the background (which reads it in the page) unless a test passes its own. */
  importCard?: (url: string, kind: RelationshipKind) => Promise<Result<CardImport>>;
}

type State = { busy: true } | { busy: false; text: string; error?: boolean };

/** Contact cards (`.vcf`) linked from the page, each importable in one click. */
export function VcardLinks({ urls, tabId, importCard }: VcardLinksProps) {
  const [kind, setKind] = useState<RelationshipKind>('prospect');
  const [states, setStates] = useState<Record<string, State>>({});
  if (urls.length === 0) return null;

  const importOne = async (url: string) => {
    setStates((all) => ({ ...all, [url]: { busy: true } }));
    const run =
      importCard ??
      (async (href: string, as: RelationshipKind): Promise<Result<CardImport>> => {
        const tab = tabId ?? (await targetTabId());
        if (tab === undefined)
          return { ok: false, error: { code: 'no_tab', message: 'No tab to read the card from.' } };
        return sendMessage('transfer/importVcardLink', { tabId: tab, url: href, kind: as });
      });
    const result = await run(url, kind);
    setStates((all) => ({
      ...all,
      [url]: result.ok
        ? { busy: false, text: describe(result.value) }
        : { busy: false, text: result.error.message, error: true },
    }));
  };

  return (
    <section class="vcards" aria-label="Contact cards on this page" data-testid="vcard-links">
      <h2>Contact cards on this page</h2>
      <label class="muted">
        Import as{' '}
        <select
          value={kind}
          data-testid="vcard-kind"
          onChange={(e) => setKind(e.currentTarget.value as RelationshipKind)}
        >
          <option value="prospect">prospect</option>
          <option value="customer">customer</option>
          <option value="client">client</option>
        </select>
      </label>
      <ul class="details">
        {urls.map((url) => {
          const state = states[url];
          return (
            <li key={url} data-testid="vcard-link" data-url={url}>
              <a href={url} target="_blank" rel="noopener noreferrer">
                {fileName(url)}
              </a>{' '}
              <button
                type="button"
                data-testid="vcard-import"
                disabled={state?.busy === true}
                aria-label={`Import ${fileName(url)}`}
                onClick={() => void importOne(url)}
              >
                {state?.busy ? 'Importing…' : 'Import'}
              </button>
              {state && !state.busy && (
                <p
                  class={state.error ? 'error' : 'notice'}
                  role={state.error ? 'alert' : 'status'}
                  data-testid="vcard-result"
                >
                  {state.text}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function describe({ added, merged, names, problems }: CardImport): string {
  const who = names.length === 1 ? names[0] : `${names.length} contacts`;
  const parts = [
    added > 0 ? `Added ${added === 1 && names.length === 1 ? who : `${added}`}` : '',
    merged > 0
      ? `${merged === 1 && names.length === 1 ? `${who} was already on file; details merged` : `merged ${merged} already on file`}`
      : '',
  ].filter(Boolean);
  const text =
    parts.length > 0 ? `${parts.join(' · ')}.` : 'No contact could be imported from this card.';
  return problems.length > 0
    ? `${text} ${problems.map((p) => (p.line ? `Line ${p.line}: ${p.message}` : p.message)).join(' ')}`
    : text;
}

function fileName(url: string): string {
  const last = new URL(url).pathname.split('/').pop() || url;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
