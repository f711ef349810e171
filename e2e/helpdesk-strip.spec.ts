import { card, expect, openDesk, openPublicCount, strip, test, textCenter } from './helpdesk-fixtures';

test.describe('Help-desk pages: strip and hover cards (saved pages at the desks’ real hostnames)', () => {
  test('Zendesk: the strip counts open public incidents and names the most severe', async ({ context, panel }) => {
    void panel;
    const page = await openDesk(context, 'zendesk');
    const count = await openPublicCount();
    await expect(strip(page)).toContainText(`${count} open incidents · most severe: Checkout failing for EU customers (Critical)`);
    await expect(strip(page).getByRole('button', { name: 'Open INC-456 in Incident Copilot' })).toBeVisible();
    // The README's picture of a ticket page, kept true by this test.
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect(page.locator('incident-copilot-ui').getByRole('region', { name: 'Suggested incidents' })).toBeVisible();
    await page.screenshot({ path: 'docs/screenshot-ticket-strip.png' });
  });

  test('Zendesk: hovering INC-123 shows its name, status and severity without touching the message', async ({ context, panel }) => {
    void panel;
    const page = await openDesk(context, 'zendesk');
    await expect(strip(page)).toBeVisible();
    const messages = '[data-test-id="omni-log-container"]';
    const before = await page.locator(messages).innerHTML();
    const at = await textCenter(page, messages, 'INC-123');
    await page.mouse.move(at.x, at.y);
    await expect(card(page)).toContainText('INC-123: Checkout failing for EU customers');
    await expect(card(page)).toContainText('Fixing · Critical');
    expect(await page.locator(messages).innerHTML()).toBe(before);
  });

  test('Zendesk: the hover card inserts INC-123\'s status update, in its status page\'s public words, into the reply (a real click)', async ({ context, panel }) => {
    void panel;
    const page = await openDesk(context, 'zendesk');
    await expect(strip(page)).toBeVisible();
    const at = await textCenter(page, '[data-test-id="omni-log-container"]', 'INC-123');
    await page.mouse.move(at.x, at.y);
    const insert = card(page).getByRole('button', { name: 'Insert a status update for INC-123 into the reply' });
    await expect(insert).toBeVisible();
    await insert.click();
    await expect(card(page).getByRole('status')).toHaveText('Status update for INC-123 inserted into the reply.');
    const editor = page.locator('[data-test-id="omnicomposer-rich-text-ckeditor"]');
    // INC-123 has a status page incident: its public name and latest public update (flattened, with
    // its time), ending with the status page's URL; never the internal name.
    await expect(editor).toContainText(/Update on "Card payments failing in Europe": We have identified a configuration change at our payment provider and are rolling it back\. Card payments may still fail for some customers\. \(Posted \d\d:\d\d UTC(?: on [^)]+)?\.\) Follow updates at https:\/\/status\.acme\.example\//);
    const text = (await editor.innerText()).trim();
    expect(text.endsWith('Follow updates at https://status.acme.example/')).toBe(true);
    expect(text).not.toContain('Checkout failing for EU customers');
  });
});
