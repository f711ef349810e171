import { fixtureHtml } from '../lib/helpdesk/fixtures/load-fixture';
import { sandbox } from './fixtures';
import { attachmentsFor, expect, fire, openDesk, test } from './helpdesk-fixtures';

const suggested = (page: import('@playwright/test').Page) => page.getByRole('region', { name: 'Suggested incidents' });

test.describe('Suggested incidents on a ticket (ranked in the background against the open list)', () => {
  test('Zendesk: the ticket’s own references come first, with Insert update and Link…', async ({ context, panel }) => {
    const page = await openDesk(context, 'zendesk');
    const region = suggested(page);
    await expect(region.getByRole('button', { name: /^INC-123 / })).toBeVisible();
    expect(await region.getByRole('listitem').count()).toBeLessThanOrEqual(3);
    await expect(region.getByRole('listitem').first()).toContainText('INC-123 Checkout failing for EU customers');
    await expect(region.getByRole('button', { name: 'Insert update for INC-123' })).toBeVisible();

    await region.getByRole('button', { name: 'Link… this ticket to INC-123' }).click();
    // The page's click writes nothing; the side panel asks.
    expect(await attachmentsFor('48213')).toEqual([]);
    await expect(panel.getByRole('heading', { name: 'Link a ticket to an incident' })).toBeVisible();
    await expect(panel.getByRole('combobox', { name: 'Incident' })).toHaveValue('INC-123');
  });

  test('Help Scout: after the references, an incident a colleague just declared, with the words that matched', async ({ context, panel }) => {
    // "Login loop on mobile app" shares only "login" with the seeded incidents: one word is no match.
    const page = await openDesk(context, 'helpscout');
    const rows = suggested(page).getByRole('listitem');
    await expect(rows.first()).toContainText('INC-123');
    await expect(rows.filter({ hasText: 'Matches: ' })).toHaveCount(0);

    const declared = await sandbox.call<{ incident: { reference: string } }>('POST', 'incidents', { name: 'iOS app stuck in a sign-in loop' });
    // The shared open list picks it up at its next refresh (here: now, as the panel's refresh does).
    await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'incidents/refresh', payload: {} }));
    await page.reload();
    const row = rows.filter({ hasText: declared.incident.reference });
    await expect(row).toContainText('Matches: ');
    await expect(row).toContainText('login');
    expect(await rows.count()).toBeLessThanOrEqual(3);
  });
});

test.describe('Customer-aware: the requester as the desk shows it, looked up in the customer catalog', () => {
  test('an incident’s latest update counts: words only its responders wrote ("cached metadata") suggest it', async ({ context, panel: _connected }) => {
    // INC-130's name and summary share only "log in" and "fail" with this ticket (no suggestion by
    // them alone); its latest update, "Watching for stragglers with cached metadata", shares the rest.
    const url = 'https://acme.zendesk.com/agent/tickets/9200';
    const body = zendeskTicket('Stragglers', 'Some of our users are stragglers with cached metadata and still fail to log in');
    await context.route(url, (route) => route.fulfill({ contentType: 'text/html', body }));
    const page = await openDesk(context, 'zendesk', url);
    const row = suggested(page).getByRole('listitem').filter({ hasText: 'INC-130' });
    await expect(row).toContainText('Matches: ');
    await expect(row).toContainText('cached');
  });

  test('a ticket from acme.com with no shared words: INC-123 first, "acme.com is listed as affected"; quick-declare prefills the customer', async ({ context, panel, worker }) => {
    const url = 'https://acme.zendesk.com/agent/tickets/9100';
    const body = zendeskTicket('Question about my account', 'Hello, something is off today, can you check?')
      .replace('title="Alice Example <alice@example-shop.com>"', 'title="Jo Example <jo@acme.com>"')
      .replace('>Example Shop<', '><');
    await context.route(url, (route) => route.fulfill({ contentType: 'text/html', body }));
    const page = await openDesk(context, 'zendesk', url);
    const first = suggested(page).getByRole('listitem').first();
    await expect(first).toContainText('INC-123');
    await expect(first).toContainText('acme.com is listed as affected');

    await fire(worker, 'onCommand', 'Question about my account – Acme Support – Zendesk');
    await expect(panel.getByRole('form', { name: 'Declare an incident' })).toBeVisible();
    await expect(panel.getByRole('list', { name: 'Affected customers: chosen' })).toContainText('Acme Corp');
  });
});

/** The saved Zendesk ticket with another subject and conversation (no incident references). */
function zendeskTicket(subject: string, message: string): string {
  return fixtureHtml('zendesk')
    .replaceAll('Checkout failing for EU customers', subject)
    .replace(/(<div data-test-id="omni-log-container"[^>]*>)([\s\S]*?)(\n\s*<\/div>\n\s*<div id="editor-view">)/, (_m, open: string, _old: string, close: string) =>
      `${open}\n<article data-test-id="omni-log-comment-item"><strong data-test-id="omni-log-item-sender">Alice Example</strong>`
      + `<div data-test-id="omni-log-message-content"><p>${message}</p></div></article>${close}`);
}

test.describe('Spike to incident', () => {
  test('3 similar tickets matching no incident: declare prefilled, and after the agent declares all 3 are linked', async ({ context, panel, worker }) => {
    test.setTimeout(120_000); // three ticket pages on a shared machine
    const tickets = [
      ['Export stuck', 'I exported my orders to CSV 3 hours ago and it still says processing.'],
      ['CSV export not working', 'The export of products as csv is spinning forever, still processing.'],
      ['order export', 'I need my orders as a spreadsheet but the export has been processing since lunch.'],
    ] as const;
    let page: import('@playwright/test').Page | null = null;
    for (const [i, [subject, message]] of tickets.entries()) {
      const url = `https://acme.zendesk.com/agent/tickets/${9001 + i}`;
      await context.route(url, (route) => route.fulfill({ contentType: 'text/html', body: zendeskTicket(subject, message) }));
      page = await openDesk(context, 'zendesk', url);
      // The background remembers each viewed ticket when it ranks it.
      await expect.poll(async () => worker.evaluate(async () =>
        ((await chrome.storage.session.get('viewedTickets')).viewedTickets as unknown[] | undefined)?.length ?? 0)).toBe(i + 1);
    }
    const offer = suggested(page!).getByRole('button', { name: '3 similar tickets: declare an incident?' });
    await expect(offer).toBeVisible();
    await sandbox.clearRequests();
    await offer.click();

    await expect(panel.getByRole('form', { name: 'Declare an incident' })).toBeVisible();
    await expect(panel.getByRole('textbox', { name: 'Name' })).toHaveValue(/export/);
    await expect(panel.getByRole('textbox', { name: 'Summary' })).toHaveValue(/https:\/\/acme\.zendesk\.com\/agent\/tickets\/9001/);
    const toLink = panel.getByRole('region', { name: 'Tickets to link' });
    await expect(toLink.getByRole('listitem')).toHaveCount(3);
    // Nothing is sent before the agent declares.
    expect((await sandbox.requests()).requests.filter((r) => r.method === 'POST')).toEqual([]);

    await panel.getByRole('combobox', { name: 'Severity' }).selectOption({ label: 'Major' });
    await panel.getByRole('button', { name: 'Declare', exact: true }).click();
    await expect(panel.getByRole('status').filter({ hasText: /3 tickets linked to INC-/ })).toBeVisible();
    for (const id of ['9001', '9002', '9003']) expect(await attachmentsFor(id)).toHaveLength(1);
  });
});
