import { expect, openDesk, readActiveTab, strip, test } from './helpdesk-fixtures';

// Headless Chromium cannot answer the browser's permission prompt, so the e2e build holds the host
// permission for the self-hosted fixture origins from the start (see wxt.config.ts): the panel's
// permissions.request then resolves without a prompt, and everything after it runs for real.
test.describe('Self-hosted desks: Enable on this site', () => {
  test('FreeScout on its own domain: off until enabled, on at once and after reloads, off again after Disable', async ({ context, panel, worker }) => {
    const page = await openDesk(context, 'freescout');
    await page.waitForLoadState('load');
    expect(await readActiveTab(worker)).toBeNull(); // not in the manifest, not registered: no content script

    await panel.getByRole('tab', { name: 'Settings' }).click();
    const section = panel.getByRole('region', { name: 'Help desks on your own domain' });
    await expect(section).toContainText('https://help.example.org');
    await section.getByRole('button', { name: 'Enable on this site' }).click();
    await expect(section.getByRole('list', { name: 'Enabled sites' })).toContainText('https://help.example.org');

    // Injected into the open tab without a reload, and registered for the next loads.
    await expect(strip(page)).toContainText('open incidents');
    expect((await readActiveTab(worker))?.ticket).toMatchObject({ id: '1207', subject: 'Export to CSV is empty', url: 'https://help.example.org/conversation/1207' });
    const registered = await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(registered).toEqual([expect.objectContaining({ matches: ['https://help.example.org/*'], persistAcrossSessions: true })]);
    await page.reload();
    await expect(strip(page)).toContainText('open incidents');

    await section.getByRole('button', { name: 'Disable on https://help.example.org' }).click();
    await expect(section.getByRole('list', { name: 'Enabled sites' })).toHaveCount(0);
    expect(await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
    await page.reload();
    await page.waitForLoadState('load');
    expect(await readActiveTab(worker)).toBeNull();
    await expect(page.locator('incident-copilot-ui')).toHaveCount(0);
  });

  test('a desk the manifest already covers needs no enabling', async ({ context, panel }) => {
    await openDesk(context, 'zendesk');
    await panel.getByRole('tab', { name: 'Settings' }).click();
    const section = panel.getByRole('region', { name: 'Help desks on your own domain' });
    await expect(section).toContainText('is supported without enabling anything');
    await expect(section.getByRole('button', { name: 'Enable on this site' })).toHaveCount(0);
  });
});
