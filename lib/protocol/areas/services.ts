import { z } from 'zod';
import { IdSchema } from '../../domain/ids';
import { ServiceSchema } from '../../domain/service';
import { ServiceDraftSchema } from '../../db/service-repository';
import { defineMessage } from '../define';
import { lazy } from '../../domain/lazy';

const ServiceIdSchema = lazy(() => z.object({ id: IdSchema }));

/** The services catalogue: what the user offers, which engagements are made from. */
export const serviceMessages = {
  'services/list': defineMessage(() => ({
    sender: 'extension-page',
    request: z.object({}),
    response: z.object({
      services: z.array(
        z.object({ service: ServiceSchema, engagements: z.number().int().nonnegative() }),
      ),
    }),
  })),
  /** Adds a service (no id) or changes one (its id). */
  'services/save': defineMessage(() => ({
    sender: 'extension-page',
    request: ServiceDraftSchema,
    response: ServiceSchema,
  })),
  /** Retires a service (`archived: true`) or offers it again. */
  'services/archive': defineMessage(() => ({
    sender: 'extension-page',
    request: ServiceIdSchema.extend({ archived: z.boolean() }),
    response: ServiceSchema,
  })),
  /** Deletes a service no engagement uses; answers with the record so it can be restored. */
  'services/delete': defineMessage(() => ({
    sender: 'extension-page',
    request: ServiceIdSchema,
    response: ServiceSchema,
  })),
  /** Undoes a delete: puts the record back as it was. */
  'services/restore': defineMessage(() => ({
    sender: 'extension-page',
    request: ServiceSchema,
    response: ServiceSchema,
  })),
} as const;
