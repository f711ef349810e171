import type { Page } from '@playwright/test';
import { card, expect, openDesk, openPublicCount, strip, test, textCenter } from './helpdesk-fixtures';
import { closeEveryIncident, sandbox } from './fixtures';

/**
 * Issue 10, freshness on ticket pages: the strip follows incident.io when the tab regains focus and
 * after a write from this browser, with one list request for every tab asking at the same moment.
 */
const WITHIN = { timeout: 2_000 };
const listRequests = async () =>
  (await sandbox.requests()).requests.filter((r) => r.method === 'GET' && r.path === '/v2/incidents');
const countText = (n: number) => `${n} open incident${n === 1 ? '' : 's'}`;
/** Focus as the agent switching back to the tab: the window's focus event. */
const focusTab = (page: Page) => page.evaluate(() => window.dispatchEvent(new FocusEvent('focus')));

test.describe('Ticket pages show what incident.io says now', () => {
  test('a tab regaining focus shows an incident declared meanwhile', async ({ context, panel }) => {
    void panel;
    const page = await openDesk(context, 'zendesk');
    const before = await openPublicCount();
    await expect(strip(page)).toContainText(countText(before));
    await sandbox.call('POST', 'incidents', { name: 'Card payments declined', severity: 'Critical' });
    await page.waitForTimeout(2_100);
    await expect(strip(page)).toContainText(countText(before));

    await focusTab(page);
    await expect(strip(page)).toContainText(countText(before + 1), WITHIN);
  });

  test('a tab regaining focus after every incident was closed shows none', async ({ context, panel }) => {
    void panel;
    const page = await openDesk(context, 'zendesk');
    await expect(strip(page)).toContainText(countText(await openPublicCount()));
    await closeEveryIncident();
    await page.waitForTimeout(2_100);

    await focusTab(page);
    await expect(strip(page)).toHaveCount(0, WITHIN);
  });

  test('a hover card opened again after a move to monitoring says Monitoring', async ({ context, panel }) => {
    void panel;
    const page = await openDesk(context, 'zendesk');
    const ref = await textCenter(page, '[data-test-id="omni-log-container"]', 'INC-123');
    await page.mouse.move(ref.x, ref.y);
    await expect(card(page)).toContainText('INC-123:');
    await expect(card(page)).not.toContainText('Monitoring');
    await page.mouse.move(1, 1);
    await expect(card(page)).toBeHidden();
    await sandbox.call('POST', 'incidents/INC-123/status', { status: 'Monitoring' });
    await page.waitForTimeout(2_100);

    await page.mouse.move(ref.x, ref.y);
    await expect(card(page)).toContainText('Monitoring', WITHIN);
  });

  test('five tabs focused at once cost one list request', async ({ context, panel }) => {
    test.setTimeout(120_000); // five pages starting on a busy machine
    void panel;
    const pages: Page[] = [];
    for (let i = 0; i < 5; i++) pages.push(await openDesk(context, 'zendesk'));
    const count = await openPublicCount();
    await Promise.all(pages.map((page) => expect(strip(page)).toContainText(countText(count))));
    await pages[0]!.waitForTimeout(2_100);
    await sandbox.clearRequests();

    await Promise.all(pages.map(focusTab));
    await pages[0]!.waitForTimeout(1_000);
    expect(await listRequests()).toHaveLength(1);
  });

  test('a status change from the side panel reaches the strip without a poll or a focus', async ({ context, panel }) => {
    const page = await openDesk(context, 'zendesk');
    const before = await openPublicCount();
    await expect(strip(page)).toContainText(countText(before));

    await panel.bringToFront();
    await panel.getByRole('tab', { name: 'Incidents' }).click();
    await panel.getByRole('textbox', { name: 'Find incident' }).fill('INC-131');
    await panel.getByRole('button', { name: 'Find' }).click();
    await panel.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'resolved' });
    await panel.getByRole('button', { name: 'Update status' }).click();
    await panel.getByRole('dialog').getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(async () => (await sandbox.incidents()).incidents.find((i) => i.reference === 'INC-131')?.incident_status.category).toBe('closed');

    const after = await openPublicCount();
    expect(after).toBe(before - 1);
    await expect(strip(page)).toContainText(countText(after), WITHIN);
  });
});
