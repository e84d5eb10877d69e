import type { ProspectInfo } from '../domain/party';
import type { MessageKey } from '../platform/i18n';

export type ProspectStage = ProspectInfo['stage'];

/**
 * The stages in the order a sale moves through them, with their labels. Kept here
 * rather than read from lib/domain/party, which brings zod into the page's bundle;
 * the record type makes a stage added there fail to compile here. The labels are
 * catalogue keys, worded by the page.
 */
export const PROSPECT_STAGE_LABELS: Record<ProspectStage, MessageKey> = {
  new: 'panel_stage_new',
  contacted: 'panel_stage_contacted',
  qualified: 'panel_stage_qualified',
  proposal: 'panel_stage_proposal',
  negotiation: 'panel_stage_negotiation',
};

export const PROSPECT_STAGE_OPTIONS = Object.entries(PROSPECT_STAGE_LABELS) as [
  ProspectStage,
  MessageKey,
][];

/** Where prospects usually come from, offered while typing (any other text is fine). */
export const COMMON_SOURCES = [
  'Referral',
  'Website',
  'LinkedIn',
  'Event',
  'Email',
  'Cold outreach',
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
