import { type BrowserContext, chromium, expect, type Page, test as base, type Worker } from '@playwright/test';
import path from 'node:path';
import { startSandbox } from '../sandbox/server';
import { SANDBOX_PORT, SANDBOX_URL } from './ports';

/** The extension under test: the production build plus test hooks (`npm run build:e2e`). */
export const EXTENSION_DIR = path.resolve(process.env.EXTENSION_DIR ?? '.output/chrome-mv3-e2e');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium quiet on a machine with no internet (see shared toolchain notes). */
export const QUIET_CHROMIUM_ARGS = [
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic',
];

export const KEYS = {
  full: 'sandbox-full-key',
  viewer: 'sandbox-viewer-key',
  creator: 'sandbox-creator-key',
  revoked: 'sandbox-revoked-key',
} as const;

/** The sandbox's admin API (reset, fault injection, request log). */
/**
 * `times` for a connection fault that must outlast every resend. Chromium resends a POST whose reused
 * keep-alive connection closed without an answer, once per pooled socket: 5–6 resends within 7 ms were
 * measured here, on top of the client's own retries. Such a fault stays until the test clears it.
 */
export const EVERY_RESEND = 100;

export const sandbox = {
  url: SANDBOX_URL,
  async call<T = unknown>(method: string, route: string, body?: unknown): Promise<T> {
    const res = await fetch(`${SANDBOX_URL}/_sandbox/${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`sandbox ${method} ${route}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json().catch(() => ({}))) as T;
  },
  reset: () => sandbox.call('POST', 'reset'),
  faults: (faults: unknown[]) => sandbox.call('POST', 'faults', { faults }),
  requests: () => sandbox.call<{ requests: { method: string; path: string; query: string; status: number }[] }>('GET', 'requests'),
  clearRequests: () => sandbox.call('DELETE', 'requests'),
  incidents: () => sandbox.call<{ incidents: { id: string; reference: string; name: string; incident_status: { name: string; category: string } }[] }>('GET', 'incidents'),
};

export async function launchWithExtension(extraArgs: string[] = []): Promise<BrowserContext> {
  return chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 420, height: 900 },
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, ...QUIET_CHROMIUM_ARGS, ...extraArgs],
  });
}

export async function backgroundWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker');
}

interface Fixtures {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** The side panel UI opened as a tab (the real side panel can't be driven as a Playwright page). */
  panel: Page;
}

/** Every e2e test gets the incident.io sandbox of its worker, started in the worker process. */
export const withSandbox = base.extend<object, { sandboxServer: void }>({
  sandboxServer: [
    // oxlint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
    async ({}, use) => {
      const server = await startSandbox({ port: SANDBOX_PORT });
      await use();
      await server.close();
    },
    { scope: 'worker', auto: true },
  ],
});

export const test = withSandbox.extend<Fixtures>({
  // oxlint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
  context: async ({}, use) => {
    await sandbox.reset();
    const context = await launchWithExtension();
    await use(context);
    await context.close();
  },
  worker: async ({ context }, use) => use(await backgroundWorker(context)),
  extensionId: async ({ worker }, use) => use(new URL(worker.url()).host),
  panel: async ({ context, extensionId }, use) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await use(page);
  },
});

export { expect };

/** Connects through Settings as an agent would. */
export async function connect(panel: Page, key: string = KEYS.full) {
  await panel.getByRole('tab', { name: 'Settings' }).click();
  await panel.getByRole('textbox', { name: 'API key', exact: true }).fill(key);
  await panel.getByRole('textbox', { name: 'API base URL' }).fill(SANDBOX_URL);
  await panel.getByRole('button', { name: 'Save' }).click();
}

/** Connects and goes back to the incident list. */
export async function connectAndOpenIncidents(panel: Page, key: string = KEYS.full) {
  await connect(panel, key);
  await expect(panel.getByText(/Connected as/)).toBeVisible();
  await panel.getByRole('tab', { name: 'Incidents' }).click();
}

/** Closes every open incident in incident.io, as colleagues would. */
export async function closeEveryIncident() {
  for (const incident of (await sandbox.incidents()).incidents) {
    if (['triage', 'live', 'paused'].includes(incident.incident_status.category)) {
      await sandbox.call('POST', `incidents/${incident.reference}/status`, { status: 'Closed' });
    }
  }
}
