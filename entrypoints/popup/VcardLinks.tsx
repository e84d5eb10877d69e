import { useState } from 'preact/hooks';
import type { RelationshipKind } from '../../lib/domain/relationship';
import type { Result } from '../../lib/domain/result';
import { sendMessage } from '../../lib/platform/messaging';
import type { Response } from '../../lib/protocol/messages';
import { t, type MessageKey } from '../../lib/platform/i18n';
import { targetTabId } from './target-tab';
import { say } from '../../lib/ui/ui-text';

type CardImport = Response<'transfer/importVcardLink'>;

export interface VcardLinksProps {
  urls: string[];
  /** The tab the cards were found on; the popup's target tab when not given. */
  tabId?: number;
  /** Imports one card; asks the background (which reads it in the page) unless a test passes its own. */
  importCard?: (url: string, kind: RelationshipKind) => Promise<Result<CardImport>>;
}

const IMPORT_KINDS: [RelationshipKind, MessageKey][] = [
  ['prospect', 'popup_vcards_kind_prospect'],
  ['customer', 'popup_vcards_kind_customer'],
  ['client', 'popup_vcards_kind_client'],
];

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
      (async (href: string, as: RelationshipKind): Promise<Result<CardImport> | undefined> => {
        const tab = tabId ?? (await targetTabId());
        if (tab === undefined) return undefined;
        return sendMessage('transfer/importVcardLink', { tabId: tab, url: href, kind: as });
      });
    const result = await run(url, kind);
    setStates((all) => ({
      ...all,
      [url]: !result
        ? { busy: false, text: t('popup_vcards_no_tab'), error: true }
        : result.ok
          ? { busy: false, text: describe(result.value) }
          : { busy: false, text: say(result.error.message), error: true },
    }));
  };

  return (
    <section class="vcards" aria-label={t('popup_vcards_heading')} data-testid="vcard-links">
      <h2>{t('popup_vcards_heading')}</h2>
      <label class="muted">
        {t('popup_vcards_import_as')}{' '}
        <select
          value={kind}
          data-testid="vcard-kind"
          onChange={(e) => setKind(e.currentTarget.value as RelationshipKind)}
        >
          {IMPORT_KINDS.map(([value, label]) => (
            <option key={value} value={value}>
              {t(label)}
            </option>
          ))}
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
                aria-label={t('popup_vcards_import_named', fileName(url))}
                onClick={() => void importOne(url)}
              >
                {state?.busy ? t('popup_vcards_importing') : t('popup_vcards_import')}
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
  const one = names.length === 1 ? names[0] : undefined;
  const parts = [
    added > 0
      ? added === 1 && one
        ? t('popup_vcards_added_name', one)
        : t('popup_vcards_added_count', added)
      : '',
    merged > 0
      ? merged === 1 && one
        ? t('popup_vcards_merged_name', one)
        : t('popup_vcards_merged_count', merged)
      : '',
  ].filter(Boolean);
  const text = parts.length > 0 ? `${parts.join(' · ')}.` : t('popup_vcards_none');
  return problems.length > 0
    ? `${text} ${problems.map((p) => (p.line ? t('popup_vcards_line', p.line, say(p.message)) : say(p.message))).join(' ')}`
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
