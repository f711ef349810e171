import { connect, expect, KEYS, sandbox, test } from './fixtures';

test.describe('Settings: connecting an incident.io API key', () => {
  test('a full-access key connects and shows what it may do', async ({ panel }) => {
    await connect(panel, KEYS.full);
    await expect(panel.getByText('Connected as Copilot sandbox (full access)')).toBeVisible();
    await panel.getByRole('tab', { name: 'Incidents' }).click();
    await expect(panel.getByRole('region', { name: 'Open incidents' })).toBeVisible();
  });

  test('a revoked key is refused with the seed’s Unauthorized advice and is not saved', async ({ panel }) => {
    await connect(panel, KEYS.revoked);
    const alert = panel.getByRole('alert');
    await expect(alert).toContainText('Unauthorized');
    await expect(alert).toContainText('generate a new API key');
    await expect(panel.getByText(/Connected as/)).toHaveCount(0);
  });

  test('a viewer-only key connects but hides declaring and status changes, with the reason', async ({ panel }) => {
    await connect(panel, KEYS.viewer);
    await expect(panel.getByText('Connected as Copilot sandbox (viewer)')).toBeVisible();
    await panel.getByRole('tab', { name: 'Declare' }).click();
    await expect(panel.getByText(/can't declare incidents/i)).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Declare' })).toHaveCount(0);
  });

  test('a base URL that is neither https nor loopback is refused before any request', async ({ panel }) => {
    await sandbox.clearRequests();
    await panel.getByRole('tab', { name: 'Settings' }).click();
    await panel.getByRole('textbox', { name: 'API key', exact: true }).fill(KEYS.full);
    await panel.getByRole('textbox', { name: 'API base URL' }).fill('http://api.example.com');
    await panel.getByRole('button', { name: 'Save' }).click();
    await expect(panel.getByRole('alert')).toContainText('https://');
    expect((await sandbox.requests()).requests).toHaveLength(0);
  });

  test('Disconnect forgets the key', async ({ panel }) => {
    await connect(panel, KEYS.full);
    await expect(panel.getByText(/Connected as/)).toBeVisible();
    await panel.getByRole('button', { name: 'Disconnect' }).click();
    await expect(panel.getByText(/Connected as/)).toHaveCount(0);
    await panel.reload();
    await expect(panel.getByRole('textbox', { name: 'API key', exact: true })).toHaveValue('');
  });
});
