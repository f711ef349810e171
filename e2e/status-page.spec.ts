import type { Page } from '@playwright/test';
import { connectAndOpenIncidents, expect, KEYS, sandbox, test } from './fixtures';

async function openIncident(panel: Page, ref: string) {
  await panel.getByRole('textbox', { name: 'Find incident' }).fill(ref);
  await panel.getByRole('button', { name: 'Find' }).click();
  await expect(panel.getByRole('heading', { level: 2 })).toBeVisible();
}

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${sandbox.url}${path}`, { headers: { authorization: `Bearer ${KEYS.full}` } });
  return (await res.json()) as T;
}
async function statusPageIncidentOf(ref: string) {
  const incident = (await sandbox.incidents()).incidents.find((i) => i.reference === ref);
  const { incident_attachments: attachments } = await api<{ incident_attachments: { resource: { external_id: string } }[] }>(
    `/v1/incident_attachments?incident_id=${incident?.id}&resource_type=statuspage_incident`);
  const id = attachments[0]?.resource.external_id;
  if (!id) return undefined;
  return (await api<{ status_page_incident: { name: string; updates: { message: string }[] } }>(`/v2/status_page_incidents/${id}`)).status_page_incident;
}

test.describe('Publish to the status page', () => {
  test.describe.configure({ timeout: 150_000 });

  test('publishes what the confirmation shows, attaches it, then posts a public update', async ({ panel }) => {
    await connectAndOpenIncidents(panel);
    await openIncident(panel, 'INC-131');
    await panel.getByRole('button', { name: 'Publish to status page' }).click();
    await expect(panel.getByRole('combobox', { name: 'Status page' })).toHaveValue(/.+/);
    await expect(panel.getByRole('textbox', { name: 'Public title' })).toHaveValue('Database latency in eu-west-1');
    await panel.getByRole('textbox', { name: 'Public title' }).fill('Slow dashboards in Europe');
    await panel.getByRole('combobox', { name: 'Status', exact: true }).last().selectOption('identified');
    await panel.getByRole('textbox', { name: 'Message' }).fill('Dashboards load **slowly** for EU customers. We are [on it](https://status.acme.example).');
    await expect(panel.getByRole('region', { name: 'Preview' })).toContainText('Dashboards load slowly for EU customers. We are on it');
    await expect(panel.getByRole('checkbox', { name: 'Notify subscribers' })).not.toBeChecked();
    await panel.getByRole('button', { name: 'Review' }).click();

    const confirm = panel.getByRole('region', { name: /Publish to status page for INC-131\? Customers will read:/ });
    await expect(confirm).toContainText('Acme Status');
    await expect(confirm).toContainText('Slow dashboards in Europe');
    await expect(confirm).toContainText('identified');
    await expect(confirm).toContainText('Dashboards load slowly for EU customers. We are on it');
    await expect(confirm).not.toContainText('**');
    await confirm.getByRole('button', { name: 'Publish' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Published to the status page' })).toBeVisible();
    await expect.poll(async () => (await statusPageIncidentOf('INC-131'))?.name).toBe('Slow dashboards in Europe');

    await panel.getByRole('button', { name: 'Post public update' }).click();
    await panel.getByRole('combobox', { name: 'Status', exact: true }).last().selectOption('monitoring');
    await panel.getByRole('textbox', { name: 'Message' }).fill('A fix is in place.');
    await panel.getByRole('button', { name: 'Review' }).click();
    const confirmUpdate = panel.getByRole('region', { name: /Post public update for INC-131\? Customers will read:/ });
    await expect(confirmUpdate).toContainText('A fix is in place.');
    await confirmUpdate.getByRole('button', { name: 'Post update' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Public update posted.' })).toBeVisible();
    await expect.poll(async () => (await statusPageIncidentOf('INC-131'))?.updates.length).toBe(2);
  });

  test('a public update whose answer is lost is found by re-reading, never posted twice', async ({ panel }) => {
    await connectAndOpenIncidents(panel);
    await openIncident(panel, 'INC-123');
    await expect(panel.getByText('On status page: Acme Status')).toBeVisible();
    const before = (await statusPageIncidentOf('INC-123'))?.updates.length ?? 0;
    await panel.getByRole('button', { name: 'Post public update' }).click();
    await panel.getByRole('textbox', { name: 'Message' }).fill('Payments are recovering.');
    await panel.getByRole('button', { name: 'Review' }).click();
    await sandbox.faults([{ method: 'POST', path: '^/v2/status_page_incident_updates$', kind: 'drop_after' }]);
    await panel.getByRole('button', { name: 'Post update' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'confirmed after a lost answer' })).toBeVisible({ timeout: 30_000 });
    const after = await statusPageIncidentOf('INC-123');
    expect(after?.updates.length).toBe(before + 1);
    expect(after?.updates.filter((u) => u.message === 'Payments are recovering.')).toHaveLength(1);
  });

  test('a private incident starts with an empty public title and the confirmation says it is private', async ({ panel }) => {
    await connectAndOpenIncidents(panel);
    await openIncident(panel, 'INC-128');
    await panel.getByRole('button', { name: 'Publish to status page' }).click();
    await expect(panel.getByRole('textbox', { name: 'Public title' })).toHaveValue('');
    await expect(panel.getByRole('note')).toContainText('INC-128 is private');
    await panel.getByRole('textbox', { name: 'Public title' }).fill('Login issues');
    await panel.getByRole('textbox', { name: 'Message' }).fill('Some admins cannot log in.');
    await panel.getByRole('button', { name: 'Review' }).click();
    const confirm = panel.getByRole('region', { name: /Customers will read/ });
    await expect(confirm).toContainText('INC-128 is private');
    await expect(confirm).not.toContainText('Suspicious login attempts');
  });
});
