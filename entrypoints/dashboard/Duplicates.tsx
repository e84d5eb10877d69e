import { useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../../lib/platform/messaging';
import type { Response } from '../../lib/protocol/messages';
import { t, tCount, type PluralKey } from '../../lib/platform/i18n';
import { kindLabel } from './labels';
import { duplicateReasonText } from '../../lib/ui/suggestion-words';
import { say } from '../../lib/ui/ui-text';

type Pair = Response<'duplicates/find'>['pairs'][number];
type Preview = Response<'duplicates/preview'>;
type Send = typeof sendMessage;

export interface DuplicatesProps {
  onMerged: () => void;
  send?: Send;
}

const keyOf = (pair: Pair) => `${pair.a.id}:${pair.b.id}`;

/**
 * Find → pairs with reasons → preview → merge. Nothing is written until the user
 * has seen the merged record and what moves with it, and confirmed.
 */
export function Duplicates({ onMerged, send = sendMessage }: DuplicatesProps) {
  const [pairs, setPairs] = useState<Pair[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const find = async () => {
    setBusy(true);
    setProblem(null);
    const result = await send('duplicates/find', {});
    setBusy(false);
    if (result.ok) setPairs(result.value.pairs);
    else setProblem(say(result.error.message));
  };

  const done = async (message: string) => {
    setNotice(message);
    onMerged();
    await find();
  };

  return (
    <section class="panel duplicates" data-testid="duplicates" aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">{t('dash_duplicates_heading')}</h2>
      <p class="muted">{t('dash_duplicates_intro')}</p>
      <button
        type="button"
        onClick={() => void find()}
        disabled={busy}
        data-testid="find-duplicates"
      >
        {busy ? t('dash_looking') : pairs ? t('dash_look_again') : t('dash_find_duplicates')}
      </button>
      {notice && (
        <p class="notice" role="status" data-testid="duplicates-notice">
          {notice}
        </p>
      )}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {pairs && pairs.length === 0 && (
        <p class="empty" data-testid="duplicates-empty">
          {t('dash_no_duplicates')}
        </p>
      )}
      {pairs && pairs.length > 0 && (
        <ul class="pair-list">
          {pairs.map((pair) => (
            <PairItem key={keyOf(pair)} pair={pair} send={send} onDone={done} />
          ))}
        </ul>
      )}
    </section>
  );
}

function PairItem({
  pair,
  send,
  onDone,
}: {
  pair: Pair;
  send: Send;
  onDone: (message: string) => Promise<void>;
}) {
  const [survivorId, setSurvivorId] = useState(pair.a.id);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const absorbedId = survivorId === pair.a.id ? pair.b.id : pair.a.id;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    await work();
    setBusy(false);
  };

  const showPreview = () =>
    run(async () => {
      const result = await send('duplicates/preview', { survivorId, absorbedId });
      if (result.ok) setPreview(result.value);
      else setProblem(say(result.error.message));
    });

  const merge = (shown: Preview) =>
    run(async () => {
      const result = await send('duplicates/merge', {
        survivorId: shown.survivor.id,
        absorbedId: shown.absorbed.id,
        expected: {
          survivorUpdatedAt: shown.survivor.updatedAt,
          absorbedUpdatedAt: shown.absorbed.updatedAt,
        },
      });
      if (!result.ok) return setProblem(say(result.error.message));
      await onDone(
        t('dash_merged', shown.absorbed.name, shown.survivor.name, movedText(shown.moved)),
      );
    });

  const link = () =>
    run(async () => {
      const result = await send('duplicates/link', {
        personId: pair.a.id,
        organizationId: pair.b.id,
      });
      if (!result.ok) return setProblem(say(result.error.message));
      await onDone(t('dash_linked', pair.a.name, pair.b.name));
    });

  return (
    <li class="pair" data-testid="duplicate-pair" data-action={pair.action}>
      <ul class="reasons">
        {pair.reasons.map((reason) => (
          <li key={reason.code} data-reason={reason.code}>
            {duplicateReasonText(reason)}
          </li>
        ))}
      </ul>
      {pair.action === 'link' ? (
        <button type="button" onClick={() => void link()} disabled={busy} data-testid="link-pair">
          {t('dash_link_pair', pair.a.name, pair.b.name)}
        </button>
      ) : (
        <>
          <fieldset disabled={busy}>
            <legend class="muted">{t('dash_keep_which')}</legend>
            {[pair.a, pair.b].map((party) => (
              <label key={party.id}>
                <input
                  type="radio"
                  name={`keep-${keyOf(pair)}`}
                  value={party.id}
                  checked={survivorId === party.id}
                  onChange={() => {
                    setSurvivorId(party.id);
                    setPreview(null);
                  }}
                />
                <span>
                  <strong>{party.name}</strong> · {kindLabel(party.kind)}
                  {party.organizationName ? ` · ${party.organizationName}` : ''}
                  <br />
                  <span class="muted">
                    {[...party.emails, ...party.phones].join(', ') || t('dash_no_email_phone')}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          {!preview && (
            <button
              type="button"
              onClick={() => void showPreview()}
              disabled={busy}
              data-testid="preview-merge"
            >
              {t('dash_preview_merge')}
            </button>
          )}
        </>
      )}
      {preview && (
        <MergePreview
          preview={preview}
          busy={busy}
          onConfirm={() => void merge(preview)}
          onCancel={() => setPreview(null)}
        />
      )}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}

function MergePreview({
  preview,
  busy,
  onConfirm,
  onCancel,
}: {
  preview: Preview;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to what appeared, so the preview is read before the merge button.
  useEffect(() => heading.current?.focus(), []);
  const { merged, absorbed, moved } = preview;
  // The field names the rows are known by (data-field), and their words.
  const rows: [string, string, string][] = [
    ['name', t('dash_field_name'), merged.name],
    ['kind', t('dash_field_kind'), kindLabel(merged.kind)],
    ['emails', t('dash_field_emails'), merged.emails.join(', ') || '—'],
    ['phones', t('dash_field_phones'), merged.phones.join(', ') || '—'],
    ['organization', t('dash_field_organization'), merged.organizationName ?? '—'],
    ['tags', t('dash_field_tags'), merged.tags.join(', ') || '—'],
    ['history', t('dash_field_history'), tCount('dash_kind_changes', merged.kindHistory.length)],
  ];
  return (
    <div class="merge-preview" data-testid="merge-preview">
      <h3 tabIndex={-1} ref={heading}>
        {t('dash_after_merge')}
      </h3>
      <dl>
        {rows.map(([field, term, value]) => (
          <>
            <dt key={`${field}-t`}>{term}</dt>
            <dd key={`${field}-d`} data-field={field}>
              {value}
            </dd>
          </>
        ))}
      </dl>
      <p data-testid="merge-moves">
        {t('dash_goes_away', absorbed.name)} {movedText(moved)}
      </p>
      <div class="actions">
        <button
          type="button"
          class="primary"
          onClick={onConfirm}
          disabled={busy}
          data-testid="merge-confirm"
        >
          {busy ? t('dash_merging') : t('dash_merge_into', merged.name)}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('dash_cancel')}
        </button>
      </div>
    </div>
  );
}

function movedText(moved: Preview['moved']): string {
  const parts: [number, PluralKey][] = [
    [moved.interactions, 'dash_moved_interactions'],
    [moved.followUps, 'dash_moved_followups'],
    [moved.engagements, 'dash_moved_engagements'],
    [moved.purchases, 'dash_moved_purchases'],
    [moved.members, 'dash_moved_members'],
  ];
  const said = parts.filter(([n]) => n > 0).map(([n, key]) => tCount(key, n));
  return said.length ? t('dash_moves', said.join(', ')) : t('dash_nothing_to_move');
}
