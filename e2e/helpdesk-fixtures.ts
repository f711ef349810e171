import type { BrowserContext, Page, Worker } from '@playwright/test';
import { fixtureUrl, type FixtureName } from '@/lib/helpdesk/fixtures/load-fixture';
import { test as base, connect, expect, KEYS, launchWithExtension, sandbox } from './fixtures';
import { type HelpdeskServer, startHelpdeskServer } from './helpdesk/https-server';

/** Saved desk pages served over HTTPS at their real hostnames (RT runs for real, see helpdesk-rt.spec.ts). */
export const SERVED_FIXTURES = [
  'zendesk', 'zendesk-multipane', 'intercom', 'freshdesk', 'hubspot', 'helpscout', 'front', 'gorgias',
  'zammad', 'freescout', 'osticket', 'generic',
] as const satisfies readonly FixtureName[];
export type ServedFixture = (typeof SERVED_FIXTURES)[number];

const FIXTURE_DIR = 'lib/helpdesk/fixtures';

/**
 * Where a fixture is opened. The server treats a route ending in `/` as a directory, so a saved URL
 * whose path ends in `/` (Help Scout's) is opened without it; the adapters read both forms.
 */
export function servedUrl(name: ServedFixture): string {
  const url = new URL(fixtureUrl(name));
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/$/, '');
  return url.href;
}

/** A hash never reaches a server: `https://host/#ticket/zoom/1` is served as `https://host/`. */
const routeOf = (url: string) => url.replace(/#.*$/, '');

function routes(): Record<string, string> {
  const all: Record<string, string> = {};
  for (const name of SERVED_FIXTURES) all[routeOf(servedUrl(name))] = `${FIXTURE_DIR}/${name}.html`;
  return all;
}

/** The extension in Chromium with the fixture hosts mapped to a local HTTPS server, connected to the sandbox. */
export const test = base.extend<{ desk: HelpdeskServer }>({
  // oxlint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
  desk: async ({}, use) => {
    const server = await startHelpdeskServer({ routes: routes() });
    await use(server);
    await server.close();
  },
  context: async ({ desk }, use) => {
    await sandbox.reset();
    const context = await launchWithExtension(desk.chromiumArgs);
    await use(context);
    await context.close();
  },
  panel: async ({ panel }, use) => {
    await connect(panel);
    await expect(panel.getByText(/Connected as/)).toBeVisible();
    await use(panel);
  },
});

export { expect };

/** Opens a served fixture in a new tab. */
export async function openDesk(context: BrowserContext, name: ServedFixture, url = servedUrl(name)): Promise<Page> {
  const page = await deskPage(context);
  await page.goto(url);
  return page;
}

/** A tab the size of an agent's help-desk window (the context's default is side-panel sized). */
export async function deskPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  return page;
}

/** The strip in the page's shadow root (open, so Playwright's locators pierce it). */
export const strip = (page: Page) => page.locator('incident-copilot-ui .strip');
export const card = (page: Page) => page.locator('incident-copilot-ui .card');

/** A viewport point on the first occurrence of `text` inside `scope`, measured in the page itself. */
export async function textCenter(page: Page, scope: string, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(async ({ scope, text }) => {
    const root = document.querySelector(scope);
    if (!root) return null;
    // Instant: a desk's CSS may ask for smooth scrolling (RT's Bootstrap does), which moves the text after it is measured.
    root.scrollIntoView({ block: 'center', behavior: 'instant' });
    // Let the scroll event (which hides any card) pass before the pointer arrives.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(text);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      // The first line box: a reference can wrap at its hyphen in a narrow column.
      const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, { scope, text });
  if (!point) throw new Error(`"${text}" not found in ${scope}`);
  return point;
}

/** incident.io's record of a ticket's links, read with the full key as another client would. */
export async function attachmentsFor(externalId: string): Promise<{ id: string; incident_id: string; resource: { resource_type: string; title: string; permalink: string } }[]> {
  const res = await fetch(`${sandbox.url}/v1/incident_attachments?external_id=${encodeURIComponent(externalId)}`, {
    headers: { Authorization: `Bearer ${KEYS.full}` },
  });
  if (!res.ok) throw new Error(`attachments: HTTP ${res.status}`);
  return ((await res.json()) as { incident_attachments: never[] }).incident_attachments;
}

/** The sandbox's incident for a reference (all fields, private ones included). */
export async function sandboxIncident(reference: string): Promise<{ id: string; name: string }> {
  const found = (await sandbox.incidents()).incidents.find((incident) => incident.reference === reference);
  if (!found) throw new Error(`${reference} is not in the sandbox`);
  return found;
}

/** Opens an incident's detail in the panel through the lookup box. */
export async function openInPanel(panel: Page, reference: string) {
  await panel.getByRole('tab', { name: 'Incidents' }).click();
  await panel.getByRole('textbox', { name: 'Find incident' }).fill(reference);
  await panel.getByRole('button', { name: 'Find' }).click();
  await expect(panel.getByRole('article')).toContainText(reference);
}

/**
 * What the help-desk content script in the active tab answers to the extension's `ticket/read`
 * (sent from the background, as the extension does); null when no content script runs there.
 */
export async function readActiveTab(worker: Worker): Promise<{ ticket: { id: string; subject: string; url: string } | null; selection: string } | null> {
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.tabs.sendMessage(tab!.id!, { type: 'ticket/read' }).catch(() => null);
  });
}

/** Open public incidents as the strip counts them (triage, live, paused; no drills or tutorials). */
export async function openPublicCount(): Promise<number> {
  const { incidents } = await sandbox.call<{ incidents: { visibility: string; mode: string; incident_status: { category: string } }[] }>('GET', 'incidents');
  return incidents.filter((i) => i.visibility === 'public' && !['test', 'tutorial'].includes(i.mode) && ['triage', 'live', 'paused'].includes(i.incident_status.category)).length;
}

export type Hook = 'onContextMenuClick' | 'onCommand';
type Result = { opened: boolean; prefill: { name?: string; summary?: string } } | null;

/**
 * Fires the background's context-menu or command handler as Chrome would, with the active tab
 * (Chrome passes its title thanks to the activeTab grant the click or shortcut gives).
 */
export async function fire(worker: Worker, hook: Hook, title: string, selectionText?: string): Promise<Result> {
  return worker.evaluate(async ({ hook, title, selectionText }) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    const clicked = { id: tab!.id, windowId: tab!.windowId, url: tab!.url, title };
    const hooks = (globalThis as unknown as { __incidentCopilotTest: Record<Hook, (...args: unknown[]) => Promise<Result>> }).__incidentCopilotTest;
    return hook === 'onCommand'
      ? hooks.onCommand('quick-declare', clicked)
      : hooks.onContextMenuClick({ menuItemId: 'declare-from-selection', selectionText, pageUrl: 'https://page-url.example/' }, clicked);
  }, { hook, title, selectionText });
}

/**
 * The desk's click handler, as the desk has it once a reply is typed: the button enabled, a click
 * counted (and a form's submit kept on the page).
 */
export async function armSend(page: Page, name: string): Promise<void> {
  await page.evaluate((name) => {
    const send = [...document.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button, input[type="submit"]')]
      .find((el) => (el.textContent?.trim() || el.value) === name && el.getClientRects().length > 0);
    if (!send) throw new Error(`no ${name} button`);
    send.disabled = false;
    const world = window as typeof window & { sent?: number };
    send.addEventListener('click', (event) => {
      event.preventDefault();
      world.sent = (world.sent ?? 0) + 1;
    });
  }, name);
}

export const sent = (page: Page) => page.evaluate(() => (window as typeof window & { sent?: number }).sent ?? 0);
