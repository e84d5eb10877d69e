import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The popup, side panel and dashboard load these modules; zod would add tens of KB
// to bundles with a 30 KB budget. Schemas belong to the background.
const here = dirname(new URL(import.meta.url).pathname);
// Type-only imports are erased by the build, so they are not followed.
const IMPORT = /^\s*(?:import|export)(?!\s+type\b)\b[^'"]*?from\s*'([^']+)'/gm;

function moduleFile(base: string): string {
  const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(existsSync);
  if (!found) throw new Error(`cannot resolve ${base}`);
  return found;
}

/** Every package a module reaches through the imports the build keeps. */
function packagesReached(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  for (const [, spec = ''] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    if (!spec.startsWith('.')) packages.add(spec);
    else
      for (const p of packagesReached(moduleFile(resolve(dirname(file), spec)), seen))
        packages.add(p);
  }
  return packages;
}

describe('modules the extension pages load for amounts and formatting', () => {
  const modules = [
    ...readdirSync(here)
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .map((name) => join(here, name)),
    join(here, '../domain/money-format.ts'),
    join(here, '../domain/money-input.ts'),
  ];

  it.each(modules.map((file) => [file.slice(file.lastIndexOf('lib/')), file]))(
    '%s reaches no zod',
    (_, file) => {
      expect([...packagesReached(file)].filter((p) => p.startsWith('zod'))).toEqual([]);
    },
  );

  it('sees zod where it is', () => {
    expect(packagesReached(join(here, '../domain/money.ts'))).toContain('zod');
  });
});
