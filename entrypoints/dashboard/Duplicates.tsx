import { useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../../lib/platform/messaging';
import type { Response } from '../../lib/protocol/messages';
import { KIND_LABELS } from '../../lib/ui/format';

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
    else setProblem(result.error.message);
  };

  const done = async (message: string) => {
    setNotice(message);
    onMerged();
    await find();
  };

  return (
    <section class="panel duplicates" data-testid="duplicates" aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">Duplicates</h2>
      <p class="muted">
        Records that share an email, a phone, or a name at the same organization — and people who
        could be linked to their organization.
      </p>
      <button
        type="button"
        onClick={() => void find()}
        disabled={busy}
        data-testid="find-duplicates"
      >
        {busy ? 'Looking…' : pairs ? 'Look again' : 'Find duplicates'}
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
          No duplicates found.
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
      else setProblem(result.error.message);
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
      if (!result.ok) return setProblem(result.error.message);
      await onDone(
        `Merged ${shown.absorbed.name} into ${shown.survivor.name}. ${movedText(shown.moved)}`,
      );
    });

  const link = () =>
    run(async () => {
      const result = await send('duplicates/link', {
        personId: pair.a.id,
        organizationId: pair.b.id,
      });
      if (!result.ok) return setProblem(result.error.message);
      await onDone(`${pair.a.name} is now linked to ${pair.b.name}.`);
    });

  return (
    <li class="pair" data-testid="duplicate-pair" data-action={pair.action}>
      <ul class="reasons">
        {pair.reasons.map((reason) => (
          <li key={reason.code} data-reason={reason.code}>
            {reason.text}
          </li>
        ))}
      </ul>
      {pair.action === 'link' ? (
        <button type="button" onClick={() => void link()} disabled={busy} data-testid="link-pair">
          Link {pair.a.name} to {pair.b.name}
        </button>
      ) : (
        <>
          <fieldset disabled={busy}>
            <legend class="muted">Keep which record?</legend>
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
                  <strong>{party.name}</strong> · {KIND_LABELS[party.kind]}
                  {party.organizationName ? ` · ${party.organizationName}` : ''}
                  <br />
                  <span class="muted">
                    {[...party.emails, ...party.phones].join(', ') || 'no email or phone'}
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
              Preview merge
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
  const rows: [string, string][] = [
    ['Name', merged.name],
    ['Kind', KIND_LABELS[merged.kind]],
    ['Emails', merged.emails.join(', ') || '—'],
    ['Phones', merged.phones.join(', ') || '—'],
    ['Organization', merged.organizationName ?? '—'],
    ['Tags', merged.tags.join(', ') || '—'],
    ['History', `${merged.kindHistory.length} kind changes kept`],
  ];
  return (
    <div class="merge-preview" data-testid="merge-preview">
      <h3 tabIndex={-1} ref={heading}>
        After the merge
      </h3>
      <dl>
        {rows.map(([term, value]) => (
          <>
            <dt key={`${term}-t`}>{term}</dt>
            <dd key={`${term}-d`} data-field={term.toLowerCase()}>
              {value}
            </dd>
          </>
        ))}
      </dl>
      <p data-testid="merge-moves">
        {absorbed.name}’s record goes away; nothing in it is lost. {movedText(moved)}
      </p>
      <div class="actions">
        <button
          type="button"
          class="primary"
          onClick={onConfirm}
          disabled={busy}
          data-testid="merge-confirm"
        >
          {busy ? 'Merging…' : `Merge into ${merged.name}`}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function movedText(moved: Preview['moved']): string {
  const parts = [
    [moved.interactions, 'interaction'],
    [moved.followUps, 'follow-up'],
    [moved.engagements, 'engagement'],
    [moved.purchases, 'purchase'],
    [moved.members, 'linked person'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, word]) => `${n} ${word}${n === 1 ? '' : 's'}`);
  return said.length ? `Moves ${said.join(', ')}.` : 'Nothing else to move.';
}
