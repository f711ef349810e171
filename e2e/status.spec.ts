import type { Page } from '@playwright/test';
import { connectAndOpenIncidents, expect, sandbox, test } from './fixtures';

async function openIncident(panel: Page, ref: string) {
  await panel.getByRole('textbox', { name: 'Find incident' }).fill(ref);
  await panel.getByRole('button', { name: 'Find' }).click();
  await expect(panel.getByRole('heading', { level: 2 })).toBeVisible();
}

const statusOf = async (ref: string) =>
  (await sandbox.incidents()).incidents.find((i) => i.reference === ref)?.incident_status;

const edits = async () => (await sandbox.requests()).requests.filter((r) => r.path.endsWith('/actions/edit'));

test.describe('Change an incident’s status with the four product words', () => {
  test('monitoring, active and resolved map onto the org’s statuses; resolving asks first', async ({ panel }) => {
    await connectAndOpenIncidents(panel);
    await openIncident(panel, 'INC-131');
    const status = panel.getByRole('combobox', { name: 'Status' });
    const detail = panel.getByRole('article');

    await status.selectOption({ label: 'monitoring' });
    await panel.getByRole('checkbox', { name: 'Notify incident channel' }).check();
    await panel.getByRole('button', { name: 'Update status' }).click();
    await expect.poll(async () => (await statusOf('INC-131'))?.name).toBe('Monitoring');
    await expect(detail.getByRole('definition').filter({ hasText: 'Monitoring' }).first()).toBeVisible();

    await status.selectOption({ label: 'active' });
    await panel.getByRole('button', { name: 'Update status' }).click();
    await expect.poll(async () => (await statusOf('INC-131'))?.name).toBe('Investigating');

    await status.selectOption({ label: 'resolved' });
    await panel.getByRole('button', { name: 'Update status' }).click();
    const dialog = panel.getByRole('dialog');
    await expect(dialog).toContainText('INC-131');
    await dialog.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(async () => (await statusOf('INC-131'))?.category).toBe('closed');
  });

  test('the org’s own status names are offered too', async ({ panel }) => {
    await connectAndOpenIncidents(panel);
    await openIncident(panel, 'INC-131');
    await panel.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Fixing (Active)' });
    await panel.getByRole('button', { name: 'Update status' }).click();
    await expect.poll(async () => (await statusOf('INC-131'))?.name).toBe('Fixing');
  });

  test('moves incident.io refuses through the API are explained before sending', async ({ panel }) => {
    await connectAndOpenIncidents(panel);
    await sandbox.clearRequests();
    await openIncident(panel, 'INC-136');
    await panel.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'active' });
    await expect(panel.getByText(/accept a triage incident in the incident\.io app/)).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Update status' })).toBeDisabled();

    await panel.getByRole('button', { name: /Back to incidents/ }).click();
    await openIncident(panel, 'INC-131');
    await panel.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'triage' });
    await expect(panel.getByText(/can't go back to triage/)).toBeVisible();
    expect(await edits()).toHaveLength(0);
  });

  test('triage: a triage incident stays in triage and is reported as such', async ({ panel }) => {
    await connectAndOpenIncidents(panel);
    await openIncident(panel, 'INC-136');
    await expect(panel.getByRole('article')).toContainText('Triage');
    await panel.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'triage' });
    await expect(panel.getByText(/already Triage/)).toBeVisible();
  });
});
