import { z } from 'zod';

/**
 * Extension pages and the worker forbid `eval` by CSP. Left alone, zod probes
 * the Function constructor once to decide whether to compile its parsers, and the refused
 * probe is reported as a CSP violation on every page that parses. Imported for its
 * effect, first, by the entrypoints that parse with zod.
 */
z.config({ jitless: true });
