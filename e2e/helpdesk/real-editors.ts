import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { fixtureHtml, type FixtureName } from '@/lib/helpdesk/fixtures/load-fixture';
import { servedUrl, type ServedFixture } from '../helpdesk-fixtures';
import type { HelpdeskRoutes } from './https-server';

// The desks' saved pages with their real editor engines mounted in place of the stand-ins: the same
// markup, the emulation scripts dropped, one bundle from `e2e/editors` (its own npm install, because
// Draft.js needs React 18 and the extension is on React 19) loaded where the composer was.

const PACKAGE_DIR = path.resolve('e2e/editors');
const SOURCE_DIR = path.join(PACKAGE_DIR, 'src');
/** Served under each desk's own host, so the bundle is same-origin with the page, as on the desk. */
export const BUNDLE_PATH = '/__real-editors/';

export interface RealEditorDesk {
  fixture: ServedFixture;
  /** The engine under test and the npm package whose version says which ('' for the browser's own). */
  engine: string;
  pkg: string;
  /** The bundle in e2e/editors/src that mounts it and exposes its model. */
  entry: string;
  /** The saved composer the engine replaces, and the desk's Send control (for the bundle). */
  editor: string;
  send: string;
  /** The engine's live editable root once mounted, and Send's accessible name. */
  live: string;
  sendName: string;
  /** Whether the engine keeps a DOM-only edit (innerHTML) out of its model; ProseMirror reads it back by design. */
  rejectsDomEdits: boolean;
  /**
   * Whether one undo leaves the agent's typing that came just before. slate-history merges an
   * insert_text right after the typed one into the same step, and Summernote snapshots at typing
   * pauses, so there one undo also takes back some of the typing (as a paste of their own would).
   */
  undoKeepsTyping: boolean;
  selfHosted?: boolean;
}

export const REAL_EDITOR_DESKS: readonly RealEditorDesk[] = [
  { fixture: 'zendesk', engine: 'CKEditor 5', pkg: 'ckeditor5', entry: 'ckeditor5.js', editor: '[data-test-id="omnicomposer-rich-text-ckeditor"]', send: '[data-test-id="submit_button-button"]', live: '[data-test-id="omnicomposer-rich-text-ckeditor"]', sendName: 'Submit as Open', rejectsDomEdits: true, undoKeepsTyping: true },
  { fixture: 'intercom', engine: 'ProseMirror', pkg: 'prosemirror-view', entry: 'prosemirror.js', editor: '[data-conversation-reply-composer] .ProseMirror', send: '[data-testid="reply-send-button"]', live: '[data-conversation-reply-composer] .ProseMirror', sendName: 'Send', rejectsDomEdits: false, undoKeepsTyping: true },
  { fixture: 'front', engine: 'ProseMirror', pkg: 'prosemirror-view', entry: 'prosemirror.js', editor: '[aria-label="Message body"]', send: '[aria-label="Message body"] ~ button', live: '[aria-label="Reply composer"] .ProseMirror', sendName: 'Send', rejectsDomEdits: false, undoKeepsTyping: true },
  { fixture: 'helpscout', engine: 'Slate + slate-react (React 18)', pkg: 'slate-react', entry: 'slate.jsx', editor: '[data-slate-editor]', send: '[data-cy="SendButton"]', live: '[data-cy="ConvoEditor"] [data-slate-editor]', sendName: 'Send', rejectsDomEdits: true, undoKeepsTyping: false },
  { fixture: 'gorgias', engine: 'Draft.js (React 18)', pkg: 'draft-js', entry: 'draft.jsx', editor: '.public-DraftEditor-content', send: '.TicketReplyEditor > button', live: '.public-DraftEditor-content', sendName: 'Send', rejectsDomEdits: true, undoKeepsTyping: true },
  { fixture: 'hubspot', engine: 'Lexical', pkg: 'lexical', entry: 'lexical.js', editor: '[data-test-id="reply-editor"] [contenteditable]', send: '[data-test-id="reply-editor"] button', live: '[data-lexical-editor]', sendName: 'Send', rejectsDomEdits: true, undoKeepsTyping: true },
  { fixture: 'freescout', engine: 'Summernote', pkg: 'summernote', entry: 'summernote.js', editor: '.note-editable', send: '#form-reply button[type="submit"]', live: '.note-editable', sendName: 'Send Reply', rejectsDomEdits: false, undoKeepsTyping: false, selfHosted: true },
  { fixture: 'zammad', engine: 'contenteditable', pkg: '', entry: 'plain.js', editor: '.content.active .articleNewEdit-body', send: '.content.active .ticketZoom-controls button', live: '.content.active .articleNewEdit-body', sendName: 'Update', rejectsDomEdits: false, undoKeepsTyping: true, selfHosted: true },
];

/**
 * The locked version of an e2e/editors package (what the report names per desk). Read from the
 * lockfile, not node_modules: test titles are built when Playwright collects the specs, before the
 * setup that installs the engines has run (a fresh clone has no e2e/editors/node_modules yet).
 */
export function editorVersion(pkg: string): string {
  if (!pkg) return `Chromium`;
  const lock = JSON.parse(readFileSync(path.join(PACKAGE_DIR, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  return lock.packages[`node_modules/${pkg}`]?.version ?? 'unknown version';
}

/** `npm ci` in e2e/editors when its packages are missing or older than its lockfile. */
function ensureInstalled(): void {
  const lock = path.join(PACKAGE_DIR, 'package-lock.json');
  const installed = path.join(PACKAGE_DIR, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: PACKAGE_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
}

function sourceHash(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(path.join(PACKAGE_DIR, 'package-lock.json')));
  for (const file of readdirSync(SOURCE_DIR).sort()) hash.update(file).update(readFileSync(path.join(SOURCE_DIR, file)));
  for (const desk of REAL_EDITOR_DESKS) hash.update(fixtureHtml(desk.fixture as FixtureName)).update(JSON.stringify(desk));
  hash.update(readFileSync(import.meta.filename));
  return hash.digest('hex').slice(0, 16);
}

/** The saved page with its stand-in editor scripts removed and the real engine's bundle loaded. */
function realPage(desk: RealEditorDesk): string {
  const html = fixtureHtml(desk.fixture as FixtureName).replace(/<script>[\s\S]*?<\/script>\n?/g, '');
  const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const tag = `<script type="module" src="${BUNDLE_PATH}${desk.entry.replace(/\.jsx?$/, '.js')}" data-editor="${attr(desk.editor)}" data-send="${attr(desk.send)}"></script>\n`;
  return html.replace('</body>', `${tag}</body>`);
}

/**
 * Installs, bundles (cached by a hash of sources, lockfile and fixtures: ~10 s once, then nothing)
 * and writes the pages; returns the server routes: each desk URL → its real-editor page, and each
 * desk host's /__real-editors/ → the bundles.
 */
export async function realEditorRoutes(): Promise<HelpdeskRoutes> {
  ensureInstalled();
  const cacheRoot = path.join(PACKAGE_DIR, 'node_modules', '.cache', 'real-editors');
  const out = path.join(cacheRoot, sourceHash());
  if (!existsSync(out)) {
    const work = `${out}.tmp-${process.pid}`;
    const entries = [...new Set(REAL_EDITOR_DESKS.map((desk) => desk.entry))];
    await build({
      configFile: false, root: PACKAGE_DIR, logLevel: 'warn', publicDir: false,
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' }, // fbjs (Draft.js) reads `global`
      build: {
        outDir: path.join(work, 'bundles'), emptyOutDir: true, minify: false, target: 'es2022', modulePreload: false,
        rollupOptions: {
          input: Object.fromEntries(entries.map((entry) => [entry.replace(/\.jsx?$/, ''), path.join(SOURCE_DIR, entry)])),
          output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
        },
      },
    });
    mkdirSync(path.join(work, 'pages'), { recursive: true });
    for (const desk of REAL_EDITOR_DESKS) writeFileSync(path.join(work, 'pages', `${desk.fixture}.html`), realPage(desk));
    try {
      renameSync(work, out); // atomic: a concurrent run sees the whole build or none
    } catch (error) {
      if (!existsSync(out)) throw error; // another run finished the same build first
      rmSync(work, { recursive: true, force: true });
    }
  }
  const routes: HelpdeskRoutes = {};
  for (const desk of REAL_EDITOR_DESKS) {
    const url = new URL(servedUrl(desk.fixture));
    routes[url.href.replace(/#.*$/, '')] = path.join(out, 'pages', `${desk.fixture}.html`);
    routes[`${url.origin}${BUNDLE_PATH}`] = path.join(out, 'bundles');
  }
  return routes;
}
