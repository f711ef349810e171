import type { Worker } from '@playwright/test';
import { armSend, attachmentsFor, card, deskPage, expect, openInPanel, readActiveTab, sandboxIncident, strip, test, sent, textCenter } from './helpdesk-fixtures';
import { type RequestTracker, startRequestTracker } from './helpdesk/rt';

// A real Request Tracker 5 (Debian packages) on 127.0.0.1: enabled at run time like any self-hosted desk.
const RT_PORT = 8093;
const SUBJECT = 'Checkout failing for EU customers';
const UPDATE = /Update on &quot;Card payments failing in Europe&quot;: We have identified a configuration change at our payment provider and are rolling it back\. .*Follow updates at https:\/\/status\.acme\.example\//;

let rt: RequestTracker;
let ticketId: number;

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  rt = await startRequestTracker({ port: RT_PORT });
  ticketId = await rt.createTicket({ subject: SUBJECT, content: 'Our checkout has failed since 09:00 UTC. Is this related to INC-123?' });
  await rt.correspond(ticketId, 'Thanks, we are on it. The database slowness is INC-131.');
});

test.afterAll(async () => {
  await rt?.stop();
});

async function enableRt(worker: Worker) {
  await worker.evaluate(async (url) => {
    const hooks = (globalThis as unknown as { __incidentCopilotTest: { enableSite(url: string): Promise<string[]> } }).__incidentCopilotTest;
    await hooks.enableSite(url);
  }, `${rt.baseUrl}/`);
}

test.describe('Request Tracker 5 (real, from Debian packages)', () => {
  test('the ticket is detected, INC references come alive after the AJAX history loads, and the ticket links', async ({ context, panel, worker }) => {
    await enableRt(worker);
    const page = await deskPage(context);
    await rt.login(page);
    await page.goto(`${rt.baseUrl}/Ticket/Display.html?id=${ticketId}`);
    const canonical = `${rt.baseUrl}/Ticket/Display.html?id=${ticketId}`;
    await expect.poll(async () => (await readActiveTab(worker))?.ticket).toMatchObject({ id: String(ticketId), subject: SUBJECT, url: canonical, requester: { email: 'alice@example.com' } });

    // The history (and the references in it) arrives by AJAX after the page loaded.
    const mentioned = strip(page).getByRole('group', { name: 'Incidents mentioned on this page' });
    await expect(mentioned).toContainText('INC-123');
    await expect(mentioned).toContainText('INC-131');
    // RT keeps laying the history out after it arrives: measure and point again until the card opens.
    await expect(async () => {
      const at = await textCenter(page, '.history-container', 'INC-123');
      await page.mouse.move(at.x, at.y);
      await expect(card(page)).toContainText('INC-123: Checkout failing for EU customers', { timeout: 2_000 });
    }).toPass({ timeout: 15_000 });

    await strip(page).getByRole('button', { name: 'Link this ticket…' }).click();
    await panel.getByRole('region', { name: 'Link this ticket to INC-123?' }).getByRole('button', { name: 'Link ticket' }).click();
    await expect(panel.getByRole('region', { name: 'Linked tickets' }).getByRole('link', { name: `RT #${ticketId}: ${SUBJECT}` })).toBeVisible();
    expect(await attachmentsFor(canonical)).toEqual([expect.objectContaining({
      incident_id: (await sandboxIncident('INC-123')).id,
      resource: expect.objectContaining({ resource_type: 'arbitrary_url', permalink: canonical }),
    })]);
  });

  test('a status update goes into RT’s CKEditor 4 and RT’s own editor API reads it back', async ({ context, panel, worker }) => {
    await enableRt(worker);
    const page = await deskPage(context);
    await rt.login(page);
    await page.goto(`${rt.baseUrl}/Ticket/Update.html?Action=Respond;id=${ticketId}`);
    await page.waitForFunction(() => (window as unknown as { CKEDITOR?: { instances: Record<string, { status: string }> } }).CKEDITOR?.instances.UpdateContent?.status === 'ready');
    await expect.poll(async () => (await readActiveTab(worker))?.ticket?.id).toBe(String(ticketId));

    await openInPanel(panel, 'INC-123');
    const reply = panel.getByRole('region', { name: 'Reply to the customer' });
    await expect(reply).toContainText(`Into the reply of RT #${ticketId}`);
    await reply.getByRole('button', { name: 'Insert status update' }).click();
    await expect(reply.getByRole('status')).toContainText('Status update inserted into the reply');
    const data = await page.evaluate(() => (window as unknown as { CKEDITOR: { instances: Record<string, { getData(): string }> } }).CKEDITOR.instances.UpdateContent!.getData());
    expect(data).toMatch(UPDATE);
  });

  test('the strip never covers RT’s own "Update Ticket" button at 1280×720 and 1400×900', async ({ context, panel, worker }) => {
    void panel;
    await enableRt(worker);
    const page = await deskPage(context);
    await rt.login(page);
    await page.goto(`${rt.baseUrl}/Ticket/Update.html?Action=Respond;id=${ticketId}`);
    await expect(strip(page)).toBeVisible();
    await armSend(page, 'Update Ticket');
    for (const size of [{ width: 1280, height: 720 }, { width: 1400, height: 900 }]) {
      await page.setViewportSize(size);
      await expect(strip(page)).toBeVisible();
      const before = await sent(page);
      // Playwright's actionability check fails when our UI would take the click.
      await page.getByRole('button', { name: 'Update Ticket', exact: true }).first().click({ timeout: 5_000 });
      expect(await sent(page)).toBe(before + 1);
    }
  });
});
