import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The code-page detector (jschardet) is a third of the service worker's script when it
// comes along, and the worker only ever reads text already decoded (a .vcf link's text).
// Bytes are decoded in the pages and the import reader worker, never in the background.
const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
// Type-only imports are erased by the build, so they are not followed.
const IMPORT =
  /^\s*(?:import|export)(?!\s+type\b)\b[^'"]*?from\s*'([^']+)'|^\s*import\s*'([^']+)'/gm;

function moduleFile(base: string): string | undefined {
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(existsSync);
}

function packagesReached(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  for (const [, from, bare] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const spec = from ?? bare ?? '';
    if (!spec.startsWith('.')) packages.add(spec);
    else {
      const found = moduleFile(resolve(dirname(file), spec));
      if (found) for (const p of packagesReached(found, seen)) packages.add(p);
    }
  }
  return packages;
}

describe('where bytes are decoded', () => {
  it('the service worker does not carry the code-page detector', () => {
    expect(packagesReached(join(root, 'entrypoints/background/index.ts'))).not.toContain(
      'jschardet',
    );
  });

  it('sees the detector where it is', () => {
    expect(packagesReached(join(root, 'lib/transfer/prepare-import.ts'))).toContain('jschardet');
  });
});
