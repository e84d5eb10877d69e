import { z } from 'zod';
import { RelationshipKindSchema } from '../domain/relationship';
import { CSV_FIELDS } from './csv-layouts';
import { NoteTemplatesSchema } from './note-words';
import type { ImportSource } from './prepare-import';
import { UiTextSchema } from '../domain/ui-text-schema';
import { lazy } from '../domain/lazy';

/*
 * The messages between the options page and the worker that reads an import file.
 * The worker holds the file as read; the page holds only what the preview shows
 * (the source's view) and the drafts of the current choice, which arrive in chunks
 * so that no single message costs the page a long task to check. Both ends parse
 * what they receive: a worker is our code, but a message is still a boundary.
 */

/** Rows per drafts message: small enough that receiving one (the structured clone is
 * read on the page, as one task) stays well under a long task on a slow machine. */
export const DRAFTS_PER_MESSAGE = 100;
/** Rows of a CSV file the mapping table shows as samples. */
export const SAMPLE_ROWS = 3;

/** Page → worker. `request` numbers a drafts request, so a late answer to an older choice is dropped. */
export const ToReaderSchema = lazy(() =>
  z.discriminatedUnion('type', [
    z.object({
      type: z.literal('read'),
      bytes: z.instanceof(Uint8Array),
      fileName: z.string().max(1000),
      /** The words the notes get for what could not be read, in the page's language. */
      notes: NoteTemplatesSchema.optional(),
    }),
    z.object({
      type: z.literal('drafts'),
      request: z.number().int().nonnegative(),
      kind: RelationshipKindSchema,
      mapping: z.array(z.enum(CSV_FIELDS)).max(1000).optional(),
    }),
  ]),
);
export type ToReader = z.infer<typeof ToReaderSchema>;

const ProblemSchema = lazy(() =>
  z.object({
    severity: z.enum(['error', 'warning']),
    message: UiTextSchema,
    line: z.number().int().optional(),
    path: z.string().optional(),
  }),
);

const cells = lazy(() => z.array(z.string()));

/** What the preview needs of a source: everything but the rows and cards themselves. */
const SourceViewSchema = lazy(() =>
  z.discriminatedUnion('format', [
    z.object({
      format: z.literal('csv'),
      encoding: z.string(),
      guessed: z.boolean(),
      layout: z.enum(['google', 'google-2023', 'outlook', 'clientele', 'other']),
      mapping: z.array(z.enum(CSV_FIELDS)),
      table: z.object({
        header: cells,
        /** The first rows only, for the mapping table's samples. */
        rows: z.array(z.object({ line: z.number().int(), value: cells })).max(SAMPLE_ROWS),
        delimiter: z.enum([',', ';', '\t']),
        problems: z.array(ProblemSchema).max(0),
        headerless: z.boolean().optional(),
      }),
    }),
    z.object({ format: z.literal('vcard'), encoding: z.string(), guessed: z.boolean() }),
  ]),
);
export type SourceView = z.infer<typeof SourceViewSchema>;

/** Rows are checked one by one on the page (PartyDraftSchema): here only their envelope. */
const DraftRowSchema = lazy(() =>
  z.object({
    line: z.number().int(),
    value: z.unknown(),
    phoneLines: z.array(z.number().int()).max(100_000).optional(),
  }),
);

export const FromReaderSchema = lazy(() =>
  z.discriminatedUnion('type', [
    z.object({
      type: z.literal('progress'),
      done: z.number().nonnegative(),
      total: z.number().nonnegative(),
    }),
    z.object({ type: z.literal('opened'), view: SourceViewSchema }),
    z.object({ type: z.literal('failed'), problem: ProblemSchema }),
    z.object({
      type: z.literal('drafts'),
      request: z.number().int().nonnegative(),
      rows: z.array(DraftRowSchema).max(DRAFTS_PER_MESSAGE),
      problems: z.array(ProblemSchema).max(DRAFTS_PER_MESSAGE),
      last: z.boolean(),
    }),
  ]),
);
export type FromReader = z.infer<typeof FromReaderSchema>;

/** The view of a source the page gets: a CSV table cut to its sample rows. */
export function viewOf(source: ImportSource): SourceView {
  if (source.format === 'vcard')
    return { format: 'vcard', encoding: source.encoding, guessed: source.guessed };
  const { table } = source;
  const view: SourceView = {
    format: 'csv',
    encoding: source.encoding,
    guessed: source.guessed,
    layout: source.layout,
    mapping: source.mapping,
    table: {
      header: table.header,
      rows: table.rows.slice(0, SAMPLE_ROWS),
      delimiter: table.delimiter,
      problems: [],
    },
  };
  if (table.headerless) view.table.headerless = true;
  return view;
}
