import { sandbox } from './fixtures';
import { attachmentsFor, expect, openDesk, test } from './helpdesk-fixtures';

const suggested = (page: import('@playwright/test').Page) => page.getByRole('region', { name: 'Suggested incidents' });

test.describe('Suggested incidents on a ticket (ranked in the background against the open list)', () => {
  test('Zendesk: the ticket’s own references come first, with Insert update and Link…', async ({ context, panel }) => {
    const page = await openDesk(context, 'zendesk');
    const region = suggested(page);
    await expect(region.getByRole('button', { name: 'Open INC-123 in Incident Copilot' })).toBeVisible();
    expect(await region.getByRole('listitem').count()).toBeLessThanOrEqual(3);
    await expect(region.getByRole('listitem').first()).toContainText('INC-123 Checkout failing for EU customers');
    await expect(region.getByRole('button', { name: 'Insert a status update for INC-123 into the reply' })).toBeVisible();

    await region.getByRole('button', { name: 'Link this ticket to INC-123…' }).click();
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
