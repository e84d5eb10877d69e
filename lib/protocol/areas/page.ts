import { z } from 'zod';
import { RelationshipKindSchema } from '../../domain/relationship';
import { defineMessage } from '../define';
import { PageContactsSchema, PageFindingsSchema } from '../contact-schemas';
import { lazy } from '../../domain/lazy';

const TabIdSchema = lazy(() => z.object({ tabId: z.number().int().nonnegative() }));

/** What content scripts report, and what the surfaces ask about a tab. */
export const pageMessages = {
  /** A content script reports what it found; the answer says which addresses are known. */
  'page/contactsFound': defineMessage(() => ({
    sender: 'content',
    request: PageFindingsSchema,
    /**
     * The known contacts' texts as the page wrote them (addresses, phones), to highlight;
     * each with its kind only when the user chose colours by kind (lib/findings/highlight-policy.ts).
     */
    response: z.object({
      known: z.array(z.object({ text: z.string(), kind: RelationshipKindSchema.optional() })),
    }),
  })),
  /** What was found on a tab, each contact with its record when known. */
  'page/contacts': defineMessage(() => ({
    sender: 'extension-page',
    request: TabIdSchema,
    response: PageContactsSchema,
  })),
  /** Scans a tab now (the user asked: the popup opened with activeTab), then answers as page/contacts. */
  'page/scan': defineMessage(() => ({
    sender: 'extension-page',
    request: TabIdSchema,
    response: PageContactsSchema,
  })),
} as const;
