import { connectAndOpenIncidents, expect, sandbox, test } from './fixtures';

test.describe('Open incidents', () => {
  test('lists Triage and Active groups with reference, severity, status and marks; takes the README screenshot', async ({ panel }) => {
    await connectAndOpenIncidents(panel);
    const list = panel.getByRole('region', { name: 'Open incidents' });
    const triage = list.getByRole('group', { name: /Triage/ });
    const active = list.getByRole('group', { name: /Active/ });
    await expect(triage).toContainText('INC-136');
    await expect(triage).toContainText('Customer reports missing invoices');
    await expect(active).toContainText('INC-123');
    await expect(active).toContainText('Checkout failing for EU customers');
    await expect(active).toContainText('Critical');
    // Paused is open, shown as active with a mark; private incidents are marked.
    await expect(active.getByRole('listitem').filter({ hasText: 'INC-119' })).toContainText('Paused');
    await expect(active.getByRole('listitem').filter({ hasText: 'INC-128' })).toContainText('Private');
    // Resolved, declined and test-mode incidents are not open.
    await expect(list).not.toContainText('INC-112');
    await expect(list).not.toContainText('INC-125');
    await expect(list).not.toContainText('INC-137');
    await panel.screenshot({ path: 'docs/screenshot-sidepanel.png' });
  });

  test('the filter box narrows the list', async ({ panel }) => {
    await connectAndOpenIncidents(panel);
    const list = panel.getByRole('region', { name: 'Open incidents' });
    await expect(list).toContainText('INC-131');
    await panel.getByRole('textbox', { name: 'Filter incidents' }).fill('checkout');
    await expect(list).toContainText('INC-123');
    await expect(list).not.toContainText('INC-131');
  });

  test('with nothing open, the answer to "Is there a known incident?" is "No known incidents right now"', async ({ panel }) => {
    await sandbox.faults([{ method: 'GET', path: '^/v2/incidents$', status: 200, times: 20, body: { incidents: [], pagination_meta: { page_size: 250 } } }]);
    await connectAndOpenIncidents(panel);
    await expect(panel.getByText('Is there a known incident?')).toBeVisible();
    await expect(panel.getByText('No known incidents right now')).toBeVisible();
  });
});
