import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { HELPDESK_CSS, HELPDESK_SCRIPT } from '../../lib/content/files';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Result } from '../lib/report';

const SECTION = 'Bundles';
const KB = 1000;
/** Budgets in kB (gzip) per entrypoint; the figures. */
// Issue 10: the side panel's JS before its first rows ≤ 80 KiB gzip (81.92 kB), the rest lazy.
const GZIP_BUDGET_KB: Record<string, number> = { sidepanel: 80 * 1.024, helpdesk: 15 };

interface Manifest {
  background?: { service_worker?: string };
  side_panel?: { default_path?: string };
  content_scripts?: { js?: string[]; css?: string[] }[];
}

/** Local files an HTML page loads (scripts, styles, preloads), as paths inside the build. */
function pageAssets(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)="\/?([^"':]+\.(?:js|css))"/g)].map((m) => m[1]!);
}

/** What an entrypoint loads: `initial` before its code runs, `lazy` only when a dynamic import() fires. */
export interface EntryFiles {
  initial: string[];
  lazy: string[];
}

// Minified chunks: `import{a as b}from"./x.js"`, `import"./x.js"`, `export{a}from"./x.js"`; and
// `import("./x.js")` or import(`./x.js`) for a chunk loaded on demand.
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["']([./][^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*["'`]([./][^"'`]+\.js)["'`]\s*\)/g;

/**
 * The chunks `files` load: static imports transitively (initial), then what dynamic imports reach
 * (lazy, unless already initial).
 */
function withImports(dir: string, files: string[]): EntryFiles {
  const resolve = (from: string, spec: string) => (spec.startsWith('/') ? spec.slice(1) : path.posix.join(path.posix.dirname(from), spec));
  const initial = new Set<string>();
  const lazy = new Set<string>();
  const dynamicTargets: string[] = [];
  const visit = (file: string, into: Set<string>) => {
    if (initial.has(file) || into.has(file)) return;
    into.add(file);
    if (!file.endsWith('.js')) return;
    const code = readFileSync(path.join(dir, file), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) visit(resolve(file, m[1]!), into);
    for (const m of code.matchAll(DYNAMIC_IMPORT)) dynamicTargets.push(resolve(file, m[1]!));
  };
  files.forEach((file) => visit(file, initial));
  while (dynamicTargets.length) visit(dynamicTargets.shift()!, lazy);
  return { initial: [...initial], lazy: [...lazy] };
}

/** Every entrypoint of the manifest with the files it loads. */
export function entrypoints(dir: string): Record<string, EntryFiles> {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const found: Record<string, EntryFiles> = {};
  if (manifest.background?.service_worker) {
    found[manifest.background.service_worker.replace(/\.js$/, '')] = withImports(dir, [manifest.background.service_worker]);
  }
  for (const html of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    const loaded = withImports(dir, pageAssets(readFileSync(path.join(dir, html), 'utf8')));
    found[html.replace(/\.html$/, '')] = { initial: [html, ...loaded.initial], lazy: loaded.lazy };
  }
  // Content scripts, named by their script: the manifest's (one per SaaS desk) and the one the
  // background registers at run time for self-hosted desks (lib/content/files.ts).
  const scripts = [...(manifest.content_scripts ?? []), { js: [HELPDESK_SCRIPT], css: [HELPDESK_CSS] }];
  for (const script of scripts) {
    const files = [...(script.js ?? []), ...(script.css ?? [])].filter((file) => existsSync(path.join(dir, file)));
    const first = script.js?.[0];
    if (!first || !files.includes(first)) continue;
    found[first.replace(/\.js$/, '')] = withImports(dir, files);
  }
  return found;
}

/** The content scripts a help-desk page gets at load (each SaaS desk's, and the self-hosted one). */
export const contentScripts = (dir: string): [string, EntryFiles][] =>
  Object.entries(entrypoints(dir)).filter(([name]) => name.startsWith('helpdesk'));

function sizes(dir: string, files: string[]) {
  const bytes = files.map((file) => readFileSync(path.join(dir, file)));
  return {
    raw: bytes.reduce((sum, b) => sum + b.length, 0) / KB,
    gzip: bytes.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0) / KB,
  };
}

const fileCount = (files: string[]) => `${files.length} file${files.length === 1 ? '' : 's'}`;

/**
 * The budget holds for what an entrypoint loads before it can run (its initial files); chunks it
 * imports on demand are printed on a second row, as the total with them.
 */
export function measureBundles(dir: string): Result[] {
  return [...entrySizes(dir), nonAscii(dir)];
}

/** Every .js file of the build, relative paths. */
const jsFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')).map((f) => f.split(path.sep).join('/'));

/**
 * V8 keeps a script's source for the page's lifetime, as UTF-16 (twice its size) when it holds a
 * single non-ASCII character; the build escapes them (wxt.config.ts, `charset: 'ascii'`).
 */
function nonAscii(dir: string): Result {
  // eslint-disable-next-line no-control-regex
  const offenders = jsFiles(dir).filter((file) => /[^\x00-\x7f]/.test(readFileSync(path.join(dir, file), 'utf8')));
  return {
    section: SECTION,
    metric: 'JS files with non-ASCII characters (kept as UTF-16 by V8)',
    value: offenders.length,
    unit: '',
    budget: { max: 0 },
    note: offenders.length ? offenders.join(', ') : 'every source one byte per character',
  };
}

function entrySizes(dir: string): Result[] {
  return Object.entries(entrypoints(dir)).flatMap(([name, { initial, lazy }]): Result[] => {
    const first = sizes(dir, initial);
    // Every help-desk content script has the help desk's budget.
    const budget = GZIP_BUDGET_KB[name.startsWith('helpdesk-') ? 'helpdesk' : name];
    const rows: Result[] = [{
      section: SECTION,
      metric: `${name} initial load (${fileCount(initial)}) gzip -9`,
      value: first.gzip,
      unit: 'kB',
      ...(budget === undefined ? {} : { budget: { max: budget } }),
      note: `raw ${first.raw.toFixed(1)} kB: ${initial.join(', ')}`,
    }];
    if (lazy.length === 0) return rows;
    const all = sizes(dir, [...initial, ...lazy]);
    return [...rows, {
      section: SECTION,
      metric: `${name} with lazy chunks (${fileCount([...initial, ...lazy])}) gzip -9`,
      value: all.gzip,
      unit: 'kB',
      note: `raw ${all.raw.toFixed(1)} kB; loaded on demand: ${lazy.join(', ')}`,
    }];
  });
}
