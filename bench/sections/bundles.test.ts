import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { entrypoints, measureBundles } from './bundles';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function build(files: Record<string, string>) {
  dir = mkdtempSync(path.join(tmpdir(), 'bundles-test-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

describe('bundle sizes', () => {
  it('counts each entrypoint with the files it loads first, following static chunk imports', () => {
    build({
      'manifest.json': JSON.stringify({ background: { service_worker: 'background.js' }, content_scripts: [{ js: ['helpdesk.js'] }] }),
      'background.js': 'console.log(1)',
      'sidepanel.html': '<script type="module" src="/chunks/sidepanel-a1.js"></script><link rel="stylesheet" href="/assets/sidepanel-b2.css">',
      'chunks/sidepanel-a1.js': 'import{x}from"./shared-c3.js";import("./lazy-d4.js");import(`./lazy-e5.js`)',
      'chunks/shared-c3.js': 'export const x=1',
      'chunks/lazy-d4.js': 'import{x}from"./shared-c3.js";import{y}from"./lazy-f6.js";export default x+y',
      'chunks/lazy-e5.js': 'export default 2',
      'chunks/lazy-f6.js': 'export const y=3',
      'assets/sidepanel-b2.css': 'body{}',
      'helpdesk.js': 'void 0',
    });
    expect(entrypoints(dir)).toEqual({
      background: { initial: ['background.js'], lazy: [] },
      sidepanel: {
        initial: ['sidepanel.html', 'chunks/sidepanel-a1.js', 'chunks/shared-c3.js', 'assets/sidepanel-b2.css'],
        // Loaded when a dynamic import() fires; a chunk already loaded first isn't counted again.
        lazy: ['chunks/lazy-d4.js', 'chunks/lazy-f6.js', 'chunks/lazy-e5.js'],
      },
      'helpdesk': { initial: ['helpdesk.js'], lazy: [] },
    });
  });

  it('names each help-desk script with its style, and adds the self-hosted one registered at run time', () => {
    build({
      'manifest.json': JSON.stringify({ content_scripts: [{ js: ['helpdesk-zendesk.js'], css: ['helpdesk.css'] }] }),
      'helpdesk-zendesk.js': 'void 0',
      'helpdesk.js': 'void 1',
      'helpdesk.css': ':root{}',
    });
    expect(entrypoints(dir)).toEqual({
      'helpdesk-zendesk': { initial: ['helpdesk-zendesk.js', 'helpdesk.css'], lazy: [] },
      'helpdesk': { initial: ['helpdesk.js', 'helpdesk.css'], lazy: [] },
    });
  });

  it('budgets the initial load and prints the total with lazy chunks beside it', () => {
    build({
      'manifest.json': JSON.stringify({}),
      'sidepanel.html': '<script type="module" src="/chunks/main.js"></script>',
      'chunks/main.js': 'import("./later.js")',
      'chunks/later.js': 'x'.repeat(5000),
    });
    const [initial, total] = measureBundles(dir);
    expect(initial).toMatchObject({ metric: 'sidepanel initial load (2 files) gzip -9', budget: { max: 81.92 } });
    expect(total).toMatchObject({ metric: 'sidepanel with lazy chunks (3 files) gzip -9' });
    expect(total!.budget).toBeUndefined();
    expect(total!.value!).toBeGreaterThan(initial!.value!);
  });

  it('holds the side panel and content script to their gzip budgets', () => {
    build({
      'manifest.json': JSON.stringify({ content_scripts: [{ js: ['helpdesk.js'] }] }),
      'sidepanel.html': '<p></p>',
      'helpdesk.js': 'x',
    });
    const results = measureBundles(dir);
    expect(results.map((r) => [r.metric.split(' ')[0], r.budget?.max])).toEqual([['sidepanel', 81.92], ['helpdesk', 15], ['JS', 0]]);
  });

  it('names the JS files V8 would hold as UTF-16 (a non-ASCII character anywhere)', () => {
    build({
      'manifest.json': JSON.stringify({}),
      'helpdesk.js': 'const title=/\\s*[-\u2013]\\s*/',
      'chunks/escaped.js': 'const title=/\\s*[-\\u2013]\\s*/',
    });
    const row = measureBundles(dir).find((r) => r.metric.startsWith('JS files'));
    expect(row).toMatchObject({ value: 1, budget: { max: 0 }, note: 'helpdesk.js' });
  });
});
