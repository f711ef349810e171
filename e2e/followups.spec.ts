import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Worker } from '@playwright/test';
import { CHROMIUM, connect, EXTENSION_DIR, KEYS, QUIET_CHROMIUM_ARGS, sandbox, withSandbox } from './fixtures';
import { expect, openDesk, sandboxIncident, test } from './helpdesk-fixtures';

const HELPSCOUT = 'https://secure.helpscout.net/conversation/2817263541/4521';

const poll = (worker: Worker) =>
  worker.evaluate(() => (globalThis as unknown as { __incidentCopilotTest: { pollOnce(): Promise<string> } }).__incidentCopilotTest.pollOnce());

/** Records what the extension shows in desktop notifications (Chrome keeps only the ids readable). */
async function recordNotifications(worker: Worker) {
  await worker.evaluate(() => {
    const shown: { title?: string; message?: string }[] = [];
    (globalThis as unknown as { __shown: typeof shown }).__shown = shown;
    const create = chrome.notifications.create.bind(chrome.notifications) as (...args: unknown[]) => Promise<string>;
    (chrome.notifications as unknown as { create: unknown }).create = (...args: unknown[]) => {
      const options = args.find((arg) => typeof arg === 'object') as { title?: string; message?: string };
      shown.push({ title: options.title, message: options.message });
      return create(...args);
    };
  });
}
const shown = (worker: Worker) => worker.evaluate(() => (globalThis as unknown as { __shown: { title: string; message: string }[] }).__shown);

/** A ticket linked in incident.io by someone else (another agent's browser, or an integration). */
async function linkElsewhere(incidentId: string, externalId: string, title: string, url: string, resourceType = 'arbitrary_url') {
  const res = await fetch(`${sandbox.url}/v1/incident_attachments`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${KEYS.full}`, 'content-type': 'application/json' },
    body: JSON.stringify({ incident_id: incidentId, resource: { external_id: externalId, resource_type: resourceType, title, url } }),
  });
  if (!res.ok) throw new Error(`link: HTTP ${res.status} ${await res.text()}`);
}

test.describe('Follow-ups: when a linked incident ends, every linked ticket is queued to be told', () => {
  test('resolve in incident.io → notification and queue → open the ticket → insert the resolution update; Mark done', async ({ context, panel, worker }) => {
    // One agent's whole loop (five polls, two desks, two inserts): longer than one ordinary test.
    test.slow();
    const incident = await sandboxIncident('INC-123');
    await linkElsewhere(incident.id, '48213', 'Zendesk #48213: Checkout failing for EU customers', 'https://acme.zendesk.com/agent/tickets/48213', 'zendesk_ticket');
    await linkElsewhere(incident.id, HELPSCOUT, 'Help Scout #4521: Login loop on mobile app', HELPSCOUT);
    for (const n of [7001, 7002]) {
      await linkElsewhere(incident.id, `https://desk.example.com/tickets/${n}`, `FreeScout #${n}: Payment declined`, `https://desk.example.com/tickets/${n}`);
    }
    await recordNotifications(worker);
    expect(await poll(worker)).toBe('polled');
    // The seed already queues tickets of incidents in monitoring: count from there.
    const tab = panel.getByRole('tab', { name: /^Follow-ups \(\d+\)$/ });
    await expect(tab).toBeVisible();
    const base = Number(/\((\d+)\)/.exec((await tab.textContent()) ?? '')?.[1]);
    const followups = (n: number) => panel.getByRole('tab', { name: `Follow-ups (${base + n})` });
    // The list shows the support impact from the same per-incident links.
    await panel.getByRole('tab', { name: 'Incidents' }).click();
    await expect(panel.getByRole('button', { name: /INC-123/ })).toContainText('4 tickets');

    await sandbox.call('POST', 'incidents/INC-123/status', { status: 'Documenting' });
    expect(await poll(worker)).toBe('polled');
    expect(await shown(worker)).toContainEqual({ title: 'INC-123 resolved', message: '4 linked tickets to update' });
    // Another poll (or a flap) raises nothing new.
    expect(await poll(worker)).toBe('polled');
    expect((await shown(worker)).filter((n) => n.title === 'INC-123 resolved')).toHaveLength(1);

    await followups(4).click();
    const group = panel.getByRole('region', { name: 'INC-123 resolved' });
    await expect(group.getByRole('listitem')).toHaveCount(4);
    const ticketLink = group.getByRole('link', { name: 'Checkout failing for EU customers' });
    await expect(ticketLink).toHaveAttribute('href', 'https://acme.zendesk.com/agent/tickets/48213');
    await expect(group.getByRole('listitem').filter({ hasText: 'FreeScout #7001' })).toContainText('Payment declined');
    await expect(group.getByRole('button', { name: 'Insert resolution update' })).toHaveCount(0);

    // The agent opens a ticket from the queue: its strip offers the resolution update.
    const page = await openDesk(context, 'zendesk');
    const editor = page.locator('[data-test-id="omnicomposer-rich-text-ckeditor"]');
    const onPage = page.getByRole('region', { name: 'Follow-ups' });
    await onPage.getByRole('button', { name: 'Insert resolution update' }).click();
    await expect(onPage.getByRole('status')).toContainText('Resolution update for INC-123 inserted into the reply.');
    await expect(editor).toContainText('Update on "Checkout failing for EU customers": Resolved.');
    await expect(editor).toContainText('The issue is fixed.');
    await expect(followups(3)).toBeVisible();
    await expect(group.getByRole('listitem')).toHaveCount(3);
    await expect(group.getByRole('listitem').filter({ hasText: 'Zendesk #48213' })).toHaveCount(0);

    // Or from the panel, into the ticket open in the active tab.
    const helpscout = await openDesk(context, 'helpscout');
    const row = group.getByRole('listitem').filter({ hasText: 'Help Scout #4521' });
    await row.getByRole('button', { name: 'Insert resolution update' }).click();
    await expect(panel.getByRole('status')).toContainText('Resolution update inserted into the reply');
    await expect(helpscout.locator('[data-slate-editor]')).toContainText('The issue is fixed.');
    await expect(followups(2)).toBeVisible();

    await group.getByRole('button', { name: 'Mark done: FreeScout #7001' }).click();
    await expect(followups(1)).toBeVisible();

    // A flap (reopened, resolved again) neither brings back done tickets nor notifies again.
    await sandbox.call('POST', 'incidents/INC-123/status', { status: 'Fixing' });
    expect(await poll(worker)).toBe('polled');
    await sandbox.call('POST', 'incidents/INC-123/status', { status: 'Documenting' });
    expect(await poll(worker)).toBe('polled');
    await expect(followups(1)).toBeVisible();
    expect((await shown(worker)).filter((n) => n.title === 'INC-123 resolved')).toHaveLength(1);
  });
});

withSandbox.describe('Follow-ups across a browser restart', () => {
  withSandbox('an incident that ended while the browser was closed queues its linked ticket at the next start', async () => {
    withSandbox.slow(); // two browser launches
    const profile = mkdtempSync(path.join(os.tmpdir(), 'copilot-followups-'));
    const launch = () => chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, viewport: { width: 420, height: 900 },
      args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, ...QUIET_CHROMIUM_ARGS],
    });
    const started = async (context: Awaited<ReturnType<typeof launch>>) => {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const panel = await context.newPage();
      await panel.goto(`chrome-extension://${new URL(worker.url()).host}/sidepanel.html`);
      return { worker, panel };
    };
    const ticket = 'https://desk.example.com/tickets/7100';
    try {
      await sandbox.reset();
      const incident = await sandboxIncident('INC-131');
      await linkElsewhere(incident.id, ticket, 'FreeScout #7100: Dashboard times out', ticket);
      const first = await launch();
      try {
        const { worker, panel } = await started(first);
        await connect(panel, KEYS.full);
        await expect(panel.getByText(/Connected as/)).toBeVisible();
        expect(await poll(worker)).toBe('polled');
        // Tracked while open (the ticket is linked, nothing to tell yet).
        await expect.poll(() => worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get('followups')))).toContain('7100');
      } finally {
        await first.close();
      }

      // Overnight: the incident is resolved in incident.io while no browser is running.
      await sandbox.call('POST', 'incidents/INC-131/status', { status: 'Documenting' });

      const second = await launch();
      try {
        const { worker, panel } = await started(second);
        expect(await poll(worker)).toBe('polled');
        await panel.getByRole('tab', { name: /^Follow-ups \(\d+\)$/ }).click();
        const group = panel.getByRole('region', { name: 'INC-131 resolved' });
        await expect(group.getByRole('listitem').filter({ hasText: 'FreeScout #7100' })).toContainText('Dashboard times out');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
