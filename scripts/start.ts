/**
 * `npm start`: build the extension, start the incident.io sandbox and open Chromium with the extension
 * loaded and already connected to the sandbox, so a newcomer sees real data in one command.
 * Without a display it runs headless, saves a screenshot and keeps the sandbox up (see README).
 */
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox } from '../sandbox/server';
import { FULL_ACCESS_KEY } from '../sandbox/seed';

const root = path.resolve(import.meta.dirname, '..');
const extensionDir = path.join(root, '.output/chrome-mv3');
const port = Number(process.env.PORT ?? 8787);
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = process.argv.includes('--headless') || !hasDisplay;

console.log('Building the extension…');
execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });

const sandbox = await startSandbox({ port });
console.log(`incident.io sandbox: ${sandbox.url} (API key: ${FULL_ACCESS_KEY})`);

const identity = (await (
  await fetch(`${sandbox.url}/v1/identity`, { headers: { authorization: `Bearer ${FULL_ACCESS_KEY}` } })
).json()) as { identity: unknown };

// A fresh profile each run: a reused one can keep serving an earlier build's service worker (seen
// here: the panel got "Unknown request." from a stale background), and the sandbox starts anew anyway.
const profileDir = mkdtempSync(path.join(tmpdir(), 'incident-copilot-chromium-'));
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless,
  viewport: null,
  args: [
    `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
    '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic',
  ],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
// Point the extension at the sandbox exactly as Settings would after a successful save.
await worker.evaluate(
  ([apiKey, baseUrl, id]) => chrome.storage.local.set({ apiKey, connection: { baseUrl, identity: id } }),
  [FULL_ACCESS_KEY, sandbox.url, identity.identity] as const,
);
const extensionId = new URL(worker.url()).host;
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);

if (headless) {
  const shot = path.join(root, '.output/start-screenshot.png');
  // The screenshot is taken once the panel lists the sandbox's incidents (CI waits for this line).
  const rows = page.getByRole('region', { name: 'Open incidents' }).getByRole('listitem');
  await rows.first().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: shot });
  console.log(`No display: Chromium runs headless. Screenshot of the side panel listing ${await rows.count()} open incidents: ${shot}`);
  console.log('For a window, run `xvfb-run -a npm start` with a VNC viewer, or run `npm start` on a desktop.');
} else {
  console.log('Chromium is open with Incident Copilot loaded. Click the toolbar icon to open the side panel.');
}
console.log('Press Ctrl+C to stop.');

const stop = async () => {
  await context.close().catch(() => undefined);
  await sandbox.close();
  rmSync(profileDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
context.on('close', () => void stop());
