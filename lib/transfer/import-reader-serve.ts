import { draftsOf, readImportFile, type ImportSource } from './prepare-import';
import {
  DRAFTS_PER_MESSAGE,
  ToReaderSchema,
  viewOf,
  type FromReader,
} from './import-worker-protocol';
import { wordsOfTemplates } from './note-words';
import { problemError } from './problems';
import { uiText } from '../domain/ui-text';

/** The worker's end of a message channel (a dedicated worker's global scope is one). */
export interface ReaderPort {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: FromReader): void;
}

/**
 * Serves one import file in a worker: reads it when asked (posting progress as it
 * goes), keeps it, and answers each preview choice — the relationship, the CSV
 * mapping — with its drafts in chunks, without reading the file again.
 */
export function serveImportReading(port: ReaderPort): void {
  let source: ImportSource | undefined;
  port.onmessage = ({ data }) => {
    const parsed = ToReaderSchema.safeParse(data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'read') {
      const read = readImportFile(
        message.bytes,
        message.fileName,
        (done, total) => port.postMessage({ type: 'progress', done, total }),
        wordsOfTemplates(message.notes),
      );
      if (!read.ok) {
        source = undefined;
        port.postMessage({ type: 'failed', problem: read.error });
        return;
      }
      source = read.value;
      port.postMessage({ type: 'opened', view: viewOf(source) });
      return;
    }
    if (!source) {
      port.postMessage({
        type: 'failed',
        problem: problemError(uiText('import_not_read')),
      });
      return;
    }
    const { drafts, problems } = draftsOf(source, message.kind, message.mapping);
    const request = message.request;
    // Rows and problems in chunks alike (a file can have as many warnings as cards);
    // an empty result still gets its one, last, answer.
    const longest = Math.max(drafts.length, problems.length);
    for (let start = 0; start === 0 || start < longest; start += DRAFTS_PER_MESSAGE)
      port.postMessage({
        type: 'drafts',
        request,
        rows: drafts.slice(start, start + DRAFTS_PER_MESSAGE),
        problems: problems.slice(start, start + DRAFTS_PER_MESSAGE),
        last: start + DRAFTS_PER_MESSAGE >= longest,
      });
  };
}
