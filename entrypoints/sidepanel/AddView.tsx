import { useState } from 'preact/hooks';
import { AddSender, type SenderContact } from '../../components/AddSender';
import type { PartyDraft } from '../../lib/domain/party';
import type { RelationshipKind } from '../../lib/domain/relationship';
import { t } from '../../lib/platform/i18n';
import { sendMessage } from '../../lib/platform/messaging';

export interface AddViewProps {
  contact: SenderContact;
  url?: string;
  kind?: RelationshipKind;
  notice: string | null;
  detailsFrom: 'signature' | 'page';
  onAdded: (partyId: string, notice: string) => void;
}

import { ADDED_AS } from './added-as';
import { say } from '../../lib/ui/ui-text';

/** Someone not on file: the add form, prefilled from the page. */
export function AddView({ contact, url, kind, notice, detailsFrom, onAdded }: AddViewProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const add = async (draft: PartyDraft) => {
    setBusy(true);
    const result = await sendMessage('parties/create', draft);
    setBusy(false);
    if (!result.ok) return setProblem(t('panel_not_added', say(result.error.message)));
    const { view, created, matchedBy } = result.value;
    onAdded(
      view.party.id,
      created
        ? t(ADDED_AS[view.party.kind], view.party.name)
        : t(
            matchedBy === 'phone'
              ? 'panel_on_file_unchanged_phone'
              : 'panel_on_file_unchanged_email',
            view.party.name,
          ),
    );
  };

  return (
    <>
      {notice && (
        <p class="notice" role="status" data-testid="notice">
          {notice}
        </p>
      )}
      <AddSender
        contact={contact}
        now={Date.now()}
        busy={busy}
        problem={problem}
        detailsFrom={detailsFrom}
        {...(url ? { url } : {})}
        {...(kind ? { kind } : {})}
        onAdd={(draft) => void add(draft)}
      />
    </>
  );
}
