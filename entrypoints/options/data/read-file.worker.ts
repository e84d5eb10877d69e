// The dedicated worker that reads an import file, so a 50,000-card file never holds
// the options page's thread (budgets.md: no task over 100 ms during an import).
import { serveImportReading, type ReaderPort } from '../../../lib/transfer/import-reader-serve';

serveImportReading(self as unknown as ReaderPort);
