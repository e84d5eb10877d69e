import { z } from 'zod';
import { PartyPatchSchema } from '../../domain/party';
import { PanelIntentSchema } from '../../menus/panel-intent-schema';
import { defineMessage } from '../define';
import { PartyViewSchema } from '../contact-schemas';

/** Optional fields a patch can empty again (a JSON message cannot carry `undefined`). */
export const CLEARABLE_FIELDS = ['organizationName', 'title', 'website', 'checkInDays'] as const;

/** Editing records in place and what the side panel and menus ask. */
export const panelMessages = {
  /** Changes a party's details; emails and phones are normalised and must not be another's. */
  'parties/update': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({
      id: z.string().min(1).max(64),
      patch: PartyPatchSchema,
      clear: z.array(z.enum(CLEARABLE_FIELDS)).max(CLEARABLE_FIELDS.length).optional(),
    }),
    response: PartyViewSchema,
  })),
  /** The popup hands a record to the side panel it has just opened on a tab. */
  'panel/showParty': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({
      tabId: z.number().int().nonnegative(),
      partyId: z.string().min(1).max(64),
    }),
    response: z.object({}),
  })),
  /** What a right-click asked the panel to show for a tab; handed over once. */
  'panel/takeIntent': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({ tabId: z.number().int().nonnegative() }),
    response: z.object({ intent: PanelIntentSchema.optional() }),
  })),
} as const;
