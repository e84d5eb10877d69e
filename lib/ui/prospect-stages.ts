import type { ProspectInfo } from '../domain/party';
import { catalogueLabels, t } from '../platform/i18n';

export type ProspectStage = ProspectInfo['stage'];

/**
 * The stages in the order a sale moves through them, with their labels. Kept here
 * rather than read from lib/domain/party, which brings zod into the page's bundle;
 * the record type makes a stage added there fail to compile here.
 */
export const PROSPECT_STAGE_LABELS = catalogueLabels<ProspectStage>({
  new: 'stage_new',
  contacted: 'stage_contacted',
  qualified: 'stage_qualified',
  proposal: 'stage_proposal',
  negotiation: 'stage_negotiation',
});

/** The stages with their labels, in order. */
export const prospectStageOptions = () =>
  Object.entries(PROSPECT_STAGE_LABELS) as [ProspectStage, string][];

/** Where prospects usually come from, offered while typing (any other text is fine). */
export const commonSources = () => [
  t('source_referral'),
  t('source_website'),
  'LinkedIn',
  t('source_event'),
  t('source_email'),
  t('source_coldOutreach'),
];

/**
 * The `prospects/update` request for what was typed: trimmed, and an emptied
 * field left out (the background stores the info as given, so leaving a field
 * out is how it is cleared).
 */
export function prospectUpdate(fields: {
  stage: ProspectStage;
  source: string;
  nextStep: string;
}): ProspectInfo {
  const source = fields.source.trim();
  const nextStep = fields.nextStep.trim();
  return {
    stage: fields.stage,
    ...(source ? { source } : {}),
    ...(nextStep ? { nextStep } : {}),
  };
}
