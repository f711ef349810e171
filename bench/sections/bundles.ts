import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Result } from '../lib/report';

const SECTION = 'Bundles';
const KB = 1000;
/** Budgets in kB (gzip) per entrypoint; the figures. */
const GZIP_BUDGET_KB: Record<string, number> = { sidepanel: 110, 'content-scripts/helpdesk': 15 };

interface Manifest {
  background?: { service_worker?: string };
  side_panel?: { default_path?: string };
  content_scripts?: { js?: string[]; css?: string[] }[];
}

/** Local files an HTML page loads (scripts, styles, preloads), as paths inside the build. */
function pageAssets(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)="\/?([^"':]+\.(?:js|css))"/g)].map((m) => m[1]!);
}

/** Chunks a module imports statically or dynamically (relative or root paths), transitively. */
function withImports(dir: string, files: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.endsWith('.js')) return;
    const code = readFileSync(path.join(dir, file), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["']([./][^"']+\.js)["']/g)) {
      const spec = m[1]!;
      visit(spec.startsWith('/') ? spec.slice(1) : path.posix.join(path.posix.dirname(file), spec));
    }
  };
  files.forEach(visit);
  return [...seen];
}

/** Every entrypoint of the manifest with the files it loads. */
export function entrypoints(dir: string): Record<string, string[]> {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const found: Record<string, string[]> = {};
  if (manifest.background?.service_worker) {
    found[manifest.background.service_worker.replace(/\.js$/, '')] = withImports(dir, [manifest.background.service_worker]);
  }
  for (const html of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    found[html.replace(/\.html$/, '')] = [html, ...withImports(dir, pageAssets(readFileSync(path.join(dir, html), 'utf8')))];
  }
  for (const script of manifest.content_scripts ?? []) {
    for (const file of [...(script.js ?? []), ...(script.css ?? [])]) {
      const name = file.replace(/\.(js|css)$/, '');
      found[name] = [...(found[name] ?? []), ...withImports(dir, [file])];
    }
  }
  return found;
}

export function measureBundles(dir: string): Result[] {
  return Object.entries(entrypoints(dir)).flatMap(([name, files]) => {
    const bytes = files.map((file) => readFileSync(path.join(dir, file)));
    const raw = bytes.reduce((sum, b) => sum + b.length, 0) / KB;
    const gzip = bytes.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0) / KB;
    const budget = GZIP_BUDGET_KB[name];
    return [{
      section: SECTION,
      metric: `${name} (${files.length} file${files.length === 1 ? '' : 's'}) gzip -9`,
      value: gzip,
      unit: 'kB',
      ...(budget === undefined ? {} : { budget: { max: budget } }),
      note: `raw ${raw.toFixed(1)} kB: ${files.join(', ')}`,
    }];
  });
}
