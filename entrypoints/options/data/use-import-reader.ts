import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  ImportReader,
  ReadingStopped,
  type Opened,
} from '../../../lib/transfer/import-reader-client';
import { noteTemplates } from '../../../lib/transfer/note-words';
import type { Progress } from '../../../lib/transfer/transfer-client';
import { t } from '../../../lib/platform/i18n';
import readFileWorker from './read-file.worker.ts?worker&url';

/**
 * A new worker for each file: what it holds is that file's, and stopping it frees it.
 * Vite bundles the worker as a file of the extension (so it loads under the
 * extension's CSP) and gives its address. Not `new Worker(new URL(…, import.meta.url))`:
 * WXT defines `import.meta.url` as `self.location.href`, which hides that pattern
 * from Vite and leaves the worker unbundled (wxt-dev/wxt#2032).
 */
function startWorker(): Worker {
  return new Worker(readFileWorker, { type: 'module' });
}

/**
 * The options page's reader of import files: `open` reads a file in a worker while
 * `progress` follows it (null when nothing is being read), `drafts` answers a
 * preview choice, `stop` ends the worker (cancel, another file, leaving the page).
 */
export function useImportReader() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const control = useMemo(() => {
    let reader: ImportReader | null = null;
    const stop = () => {
      reader?.stop();
      reader = null;
      setProgress(null);
    };
    return {
      stop,
      /** The file's view, or null when reading was stopped before it finished. */
      async open(file: File): Promise<Opened | null> {
        stop();
        const current = new ImportReader(
          startWorker(),
          (done, total) => setProgress({ done, total }),
          noteTemplates(t),
        );
        reader = current;
        setProgress({ done: 0, total: 1 });
        try {
          return await current.open(new Uint8Array(await file.arrayBuffer()), file.name);
        } catch (error) {
          if (error instanceof ReadingStopped) return null;
          throw error;
        } finally {
          if (reader === current) setProgress(null);
        }
      },
      drafts: (...args: Parameters<ImportReader['drafts']>) =>
        reader ? reader.drafts(...args) : Promise.reject(new ReadingStopped()),
    };
  }, []);
  useEffect(() => control.stop, [control]);
  return { progress, ...control };
}
