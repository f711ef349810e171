import type { Worker } from '@playwright/test';
import { KEYS } from '../../e2e/fixtures';
import type { BenchBrowser } from './browser';

export const panelUrl = (extensionId: string) => `chrome-extension://${extensionId}/sidepanel.html`;

export function requireExtension(browser: BenchBrowser): { id: string; worker: Worker } {
  if (!browser.extension) throw new Error('This browser was launched without the extension');
  return browser.extension;
}

/** Connects through Settings, as an agent would, to the bench's own sandbox (not the e2e port). */
export async function connectExtension(browser: BenchBrowser, sandboxUrl: string): Promise<void> {
  const { id } = requireExtension(browser);
  const panel = await browser.context.newPage();
  await panel.goto(panelUrl(id));
  await panel.getByRole('tab', { name: 'Settings' }).click();
  await panel.getByRole('textbox', { name: 'API key' }).fill(KEYS.full);
  await panel.getByRole('textbox', { name: 'API base URL' }).fill(sandboxUrl);
  await panel.getByRole('button', { name: 'Save' }).click();
  await panel.getByText(/Connected as/).waitFor({ timeout: 15_000 });
  await panel.close();
}

/**
 * Empties the background's caches (open incidents, org catalog), so the next read goes to the API.
 * Once the list is stored first: a cold open's write lands a moment after its rows are painted.
 */
export async function dropBackgroundCaches(worker: Worker): Promise<void> {
  await cacheFilled(worker);
  await worker.evaluate(() => chrome.storage.session.remove(['openIncidents', 'catalog']));
}

/** Age (ms) of the background's complete open-incidents cache, or null when empty or still loading pages. */
export async function openCacheAge(worker: Worker): Promise<number | null> {
  const fetchedAt = await worker.evaluate(async () => {
    const { openIncidents } = await chrome.storage.session.get('openIncidents');
    const cached = openIncidents as { fetchedAt?: number | null; complete?: boolean } | undefined;
    return cached?.complete === false ? null : (cached?.fetchedAt ?? null);
  });
  return fetchedAt === null ? null : Date.now() - fetchedAt;
}

/** Calls the e2e build's poll hook in the service worker (the alarm fires at most every 30 s). */
export async function pollOnce(worker: Worker): Promise<string> {
  return worker.evaluate(async () => {
    const hooks = (globalThis as { __incidentCopilotTest?: { pollOnce?: () => Promise<string> } }).__incidentCopilotTest;
    if (!hooks?.pollOnce) throw new Error('No test hooks: is this the e2e build (npm run build:e2e)?');
    return hooks.pollOnce();
  });
}

/** Stops the real poll alarm so only the bench's compressed polls reach the API. */
export async function stopPollAlarm(worker: Worker): Promise<void> {
  await worker.evaluate(() => chrome.alarms.clearAll());
}


/** Waits until the background has filled its open-incidents cache (connecting starts a refresh). */
export async function cacheFilled(worker: Worker, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await openCacheAge(worker)) === null) {
    if (Date.now() > deadline) throw new Error('The background never filled its open-incidents cache');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
