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
  it('counts each entrypoint with every file it loads, following chunk imports', () => {
    build({
      'manifest.json': JSON.stringify({ background: { service_worker: 'background.js' }, content_scripts: [{ js: ['content-scripts/helpdesk.js'] }] }),
      'background.js': 'console.log(1)',
      'sidepanel.html': '<script type="module" src="/chunks/sidepanel-a1.js"></script><link rel="stylesheet" href="/assets/sidepanel-b2.css">',
      'chunks/sidepanel-a1.js': 'import{x}from"./shared-c3.js";import("./lazy-d4.js")',
      'chunks/shared-c3.js': 'export const x=1',
      'chunks/lazy-d4.js': 'export default 2',
      'assets/sidepanel-b2.css': 'body{}',
      'content-scripts/helpdesk.js': 'void 0',
    });
    expect(entrypoints(dir)).toEqual({
      background: ['background.js'],
      sidepanel: ['sidepanel.html', 'chunks/sidepanel-a1.js', 'chunks/shared-c3.js', 'chunks/lazy-d4.js', 'assets/sidepanel-b2.css'],
      'content-scripts/helpdesk': ['content-scripts/helpdesk.js'],
    });
  });

  it('holds the side panel and content script to their gzip budgets', () => {
    build({
      'manifest.json': JSON.stringify({ content_scripts: [{ js: ['content-scripts/helpdesk.js'] }] }),
      'sidepanel.html': '<p></p>',
      'content-scripts/helpdesk.js': 'x',
    });
    const results = measureBundles(dir);
    expect(results.map((r) => [r.metric.split(' ')[0], r.budget?.max])).toEqual([['sidepanel', 110], ['content-scripts/helpdesk', 15]]);
  });
});
