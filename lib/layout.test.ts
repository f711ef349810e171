import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The folder layout is the architecture (docs/ARCHITECTURE.md): `entrypoints → panel → components → lib`.
 * This test reads every source file's imports so a layering slip fails here, naming the file and import,
 * rather than surviving as a sentence in the docs.
 */
const ROOT = resolve(__dirname, '..');
const SOURCE = /\.(ts|tsx|mts)$/;

interface Import {
  file: string; // repo-relative
  specifier: string;
  target: string | null; // repo-relative path of a local module, null for a package
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) {
      if (name !== 'node_modules' && name !== 'fixtures') out.push(...sourceFiles(path));
    } else if (SOURCE.test(name)) out.push(path);
  }
  return out;
}

function resolveLocal(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/') || specifier.startsWith('~/')) base = specifier.slice(2);
  else if (specifier.startsWith('.')) base = join(dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    const abs = join(ROOT, candidate);
    if (existsSync(abs) && statSync(abs).isFile()) return relative(ROOT, abs);
  }
  return relative(ROOT, join(ROOT, base)); // unresolved: still judged by its folder
}

// Static imports/re-exports (possibly multi-line), side-effect imports and dynamic import().
const STATIC = /(?:^|[\n;])\s*(import|export)\s+(type\s+)?([\s\S]*?)\s*from\s*['"]([^'"]+)['"]/g;
const BARE = /(?:^|[\n;])\s*import\s*['"]([^'"]+)['"]/g;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function importsOf(file: string, code = readFileSync(join(ROOT, file), 'utf8')): Import[] {
  const text = stripComments(code);
  const found: Import[] = [];
  const add = (specifier: string, typeOnly: boolean) =>
    found.push({ file, specifier, target: resolveLocal(file, specifier), typeOnly });
  for (const m of text.matchAll(STATIC)) {
    const clause = m[3] ?? '';
    // `import { type A, type B } from` is erased as fully as `import type { A, B } from`.
    const names = /^\{([\s\S]*)\}$/.exec(clause.trim())?.[1]?.split(',').map((s) => s.trim()).filter(Boolean);
    const allTypes = names !== undefined && names.length > 0 && names.every((n) => n.startsWith('type '));
    add(m[4]!, m[2] !== undefined || allTypes);
  }
  for (const m of text.matchAll(BARE)) add(m[1]!, false);
  for (const m of text.matchAll(DYNAMIC)) add(m[1]!, false);
  return found;
}

const under = (path: string | null, ...folders: string[]) => path !== null && folders.some((f) => path === f || path.startsWith(`${f}/`));
const show = (i: Import) => `${i.file} imports '${i.specifier}'`;

/** What the presentational layer must never reach: extension APIs, the query cache, the message protocol. */
const EXTENSION_OR_WIRING = (i: Import) =>
  i.specifier === '#imports' ||
  i.specifier === 'wxt/browser' ||
  i.specifier.startsWith('wxt/') ||
  i.specifier === 'webextension-polyfill' ||
  i.specifier.startsWith('@tanstack/react-query') ||
  under(i.target, 'lib/messaging', 'lib/queries', 'lib/background', 'lib/content');

function libViolations(files: readonly string[]): string[] {
  return files
    .flatMap((f) => importsOf(f))
    .filter((i) => under(i.target, 'components', 'panel', 'entrypoints'))
    .map(show);
}

/**
 * components/ may use lib's types freely and its pure values (constants, formatters, validators), so a
 * value import is followed through lib: `components/x → lib/y → #imports` is as much a browser API as
 * importing it directly.
 */
function componentViolations(files: readonly string[]): string[] {
  const out: string[] = [];
  const cache = new Map<string, Import[]>();
  const read = (f: string) => {
    if (!cache.has(f)) cache.set(f, existsSync(join(ROOT, f)) ? importsOf(f) : []);
    return cache.get(f)!;
  };
  for (const file of files) {
    for (const direct of read(file)) {
      if (under(direct.target, 'panel', 'entrypoints') || EXTENSION_OR_WIRING(direct)) {
        out.push(show(direct));
        continue;
      }
      if (direct.typeOnly || !under(direct.target, 'lib')) continue;
      // Walk lib's value imports from here; report the first path that reaches wiring.
      const seen = new Set<string>();
      const walk = (module: string, chain: string[]): string | null => {
        if (seen.has(module)) return null;
        seen.add(module);
        for (const next of read(module)) {
          if (next.typeOnly) continue;
          if (EXTENSION_OR_WIRING(next)) return [...chain, `'${next.specifier}'`].join(' → ');
          if (next.target && under(next.target, 'lib')) {
            const hit = walk(next.target, [...chain, next.target]);
            if (hit) return hit;
          }
        }
        return null;
      };
      const hit = walk(direct.target!, [direct.target!]);
      if (hit) out.push(`${show(direct)}, which reaches ${hit}`);
    }
  }
  return out;
}

/** Browser globals used without an import (WXT auto-imports are off, but `chrome` is ambient). */
function componentGlobalUses(files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const code = stripComments(readFileSync(join(ROOT, file), 'utf8'));
    return [...code.matchAll(/\b(chrome|browser)\.[a-zA-Z]+/g)].map((m) => `${file} uses ${m[0]}`);
  });
}

describe('folder layout', () => {
  it('lib/ imports nothing from components/, panel/ or entrypoints/', () => {
    expect(libViolations(sourceFiles('lib'))).toEqual([]);
  });

  it('components/ reaches no extension API, react-query or messaging (directly or through lib/)', () => {
    const files = sourceFiles('components');
    expect([...componentViolations(files), ...componentGlobalUses(files)]).toEqual([]);
  });

  it('the checks see each form of import (so an empty list above means something)', () => {
    const code = [
      "import type { A } from '@/components/a';",
      "import { type B, type C } from '../panel/b';",
      "import { D,\n  E } from '#imports';",
      "export { F } from '@tanstack/react-query';",
      "import 'webextension-polyfill';",
      "const g = await import('@/lib/messaging/send');",
      "// import { H } from '@/panel/commented-out';",
    ].join('\n');
    const found = importsOf('lib/example.ts', code);
    expect(found.map((i) => [i.specifier, i.typeOnly])).toEqual([
      ['@/components/a', true],
      ['../panel/b', true],
      ['#imports', false],
      ['@tanstack/react-query', false],
      ['webextension-polyfill', false],
      ['@/lib/messaging/send', false],
    ]);
    expect(found.filter((i) => under(i.target, 'components', 'panel', 'entrypoints')).map(show)).toEqual([
      "lib/example.ts imports '@/components/a'",
      "lib/example.ts imports '../panel/b'",
    ]);
    expect(found.filter(EXTENSION_OR_WIRING).map((i) => i.specifier)).toEqual([
      '#imports',
      '@tanstack/react-query',
      'webextension-polyfill',
      '@/lib/messaging/send',
    ]);
  });
});
