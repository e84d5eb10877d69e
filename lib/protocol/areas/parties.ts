import { z } from 'zod';
import { PartyDraftSchema } from '../../domain/party';
import { RelationshipKindSchema } from '../../domain/relationship';
import { defineMessage } from '../define';
import { PartyViewSchema } from '../contact-schemas';
import { lazy } from '../../domain/lazy';

export const PartyIdSchema = lazy(() => z.object({ id: z.string().min(1).max(64) }));

/** Creating, reading and changing party records. */
export const partyMessages = {
  'parties/create': defineMessage(() => ({
    sender: 'extension-page',
    request: PartyDraftSchema,
    response: z.object({
      created: z.boolean(),
      matchedBy: z.enum(['email', 'phone']).optional(),
      view: PartyViewSchema,
    }),
  })),
  'parties/get': defineMessage(() => ({
    sender: 'extension-page',
    request: PartyIdSchema,
    response: PartyViewSchema,
  })),
  'parties/setKind': defineMessage(() => ({
    sender: 'extension-page',
    request: PartyIdSchema.extend({
      kind: RelationshipKindSchema,
      reason: z.string().max(500).optional(),
    }),
    response: PartyViewSchema,
  })),
} as const;
