import { t, uiLanguage } from '../../../lib/platform/i18n';
import { useState } from 'preact/hooks';
import type { ProspectInfo } from '../../../lib/domain/party';
import { sendMessage } from '../../../lib/platform/messaging';
import type { PartyView } from '../../../lib/protocol/contact-schemas';
import {
  commonSources,
  PROSPECT_STAGE_LABELS,
  prospectStageOptions,
  prospectUpdate,
  type ProspectStage,
} from '../../../lib/ui/prospect-stages';
import { FormProblem, SelectField, SubmitButton } from '../../../components/FormParts';
import type { Send } from './SuggestionNotice';
import { say } from '../../../lib/ui/ui-text';

export interface ProspectDetailsProps {
  partyId: string;
  /** What is stored; a prospect added without any is at the first stage. */
  prospect: ProspectInfo | undefined;
  send?: Send;
  /** The record as saved, and a sentence saying what was saved. */
  onSaved: (view: PartyView, message: string) => void;
}

/** Where a sale stands: the stage, where the prospect came from, and the next step. */
export function ProspectDetails({
  partyId,
  prospect,
  send = sendMessage,
  onSaved,
}: ProspectDetailsProps) {
  const [stage, setStage] = useState<ProspectStage>(prospect?.stage ?? 'new');
  const [source, setSource] = useState(prospect?.source ?? '');
  const [nextStep, setNextStep] = useState(prospect?.nextStep ?? '');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const info = prospectUpdate({ stage, source, nextStep });
    const result = await send('prospects/update', { id: partyId, ...info });
    setBusy(false);
    if (!result.ok) return setProblem(say(result.error.message));
    setProblem(null);
    // The stage is named inside the sentence, in lower case — but German keeps its nouns capital.
    const label = PROSPECT_STAGE_LABELS[info.stage];
    const language = uiLanguage();
    const stageName = language.startsWith('de') ? label : label.toLocaleLowerCase(language);
    onSaved(
      result.value,
      info.nextStep
        ? t('panel_prospect_saved_next', stageName, info.nextStep)
        : t('panel_prospect_saved', stageName),
    );
  };

  return (
    <form
      class="prospect-details"
      aria-labelledby="prospect-details-title"
      data-testid="prospect-details"
      onSubmit={(event) => void submit(event)}
    >
      <h3 id="prospect-details-title">{t('panel_the_sale')}</h3>
      <div class="row">
        <SelectField
          label={t('panel_stage')}
          value={stage}
          options={prospectStageOptions()}
          onChange={setStage}
          testId="prospect-stage"
        />
        <label>
          {t('panel_source')}
          <input
            type="text"
            value={source}
            maxLength={200}
            list="prospect-sources"
            onInput={(e) => setSource(e.currentTarget.value)}
            data-testid="prospect-source"
          />
          <datalist id="prospect-sources">
            {commonSources().map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </label>
      </div>
      <label>
        {t('panel_next_step')}
        <input
          type="text"
          value={nextStep}
          maxLength={500}
          placeholder={t('panel_next_step_example')}
          onInput={(e) => setNextStep(e.currentTarget.value)}
          data-testid="prospect-next-step"
        />
      </label>
      <FormProblem problem={problem} />
      <SubmitButton busy={busy} label={t('panel_save')} testId="prospect-save" />
    </form>
  );
}
