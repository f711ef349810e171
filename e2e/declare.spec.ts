import { connect, EVERY_RESEND, expect, KEYS, sandbox, test } from './fixtures';
import type { Page } from '@playwright/test';

async function openDeclare(panel: Page) {
  await connect(panel, KEYS.full);
  await expect(panel.getByText(/Connected as/)).toBeVisible();
  await panel.getByRole('tab', { name: 'Declare' }).click();
}

const declaredNamed = async (name: string) => (await sandbox.incidents()).incidents.filter((i) => i.name === name);

test.describe('Declare an incident', () => {
  test('a declaration built from the org’s severities and types shows the new reference with a link', async ({ panel }) => {
    await openDeclare(panel);
    await panel.getByRole('textbox', { name: 'Name' }).fill('Database issue');
    await panel.getByRole('textbox', { name: 'Summary' }).fill('Writes time out on the primary.');
    await expect(panel.getByRole('combobox', { name: 'Severity' }).getByRole('option', { name: 'Critical' })).toBeAttached();
    await panel.getByRole('combobox', { name: 'Severity' }).selectOption({ label: 'Major' });
    await expect(panel.getByRole('combobox', { name: 'Incident type' })).toBeVisible();
    await panel.getByRole('button', { name: 'Declare', exact: true }).click();
    await expect(panel.getByText(/INC-138/)).toBeVisible();
    await expect(panel.getByRole('link', { name: 'Open in incident.io' })).toHaveAttribute('href', /incidents\/138$/);
    const [created] = await declaredNamed('Database issue');
    expect(created?.incident_status.category).toBe('triage');
  });

  test('the name is required before anything is sent', async ({ panel }) => {
    await openDeclare(panel);
    await sandbox.clearRequests();
    await panel.getByRole('button', { name: 'Declare', exact: true }).click();
    await expect(panel.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');
    expect((await sandbox.requests()).requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  test('a 422 from incident.io is shown on its field (an Active start needs a severity)', async ({ panel }) => {
    await openDeclare(panel);
    await panel.getByRole('textbox', { name: 'Name' }).fill('Payments down');
    await panel.getByRole('radio', { name: 'Active' }).check();
    await panel.getByRole('button', { name: 'Declare', exact: true }).click();
    const severity = panel.getByRole('combobox', { name: 'Severity' });
    await expect(severity).toHaveAttribute('aria-invalid', 'true');
    await expect(panel.getByText(/severity/i).first()).toBeVisible();
    expect(await declaredNamed('Payments down')).toHaveLength(0);
  });

  test('a failed declaration keeps the draft, also across closing the panel', async ({ panel }) => {
    await openDeclare(panel);
    await sandbox.faults([{ method: 'POST', path: '^/v2/incidents$', status: 503, times: 5 }]);
    await panel.getByRole('textbox', { name: 'Name' }).fill('Search is down');
    await panel.getByRole('textbox', { name: 'Summary' }).fill('All search requests fail.');
    await panel.getByRole('button', { name: 'Declare', exact: true }).click();
    await expect(panel.getByRole('alert')).toContainText(/incident\.io had a problem|503/);
    await expect(panel.getByRole('textbox', { name: 'Name' })).toHaveValue('Search is down');
    await panel.reload();
    await panel.getByRole('tab', { name: 'Declare' }).click();
    await expect(panel.getByRole('textbox', { name: 'Name' })).toHaveValue('Search is down');
    await expect(panel.getByRole('textbox', { name: 'Summary' })).toHaveValue('All search requests fail.');
  });

  test('a create that reached incident.io but whose answer was lost, retried, yields exactly one incident', async ({ panel }) => {
    await openDeclare(panel);
    // Each create (and the client's own retries) is processed but the connection drops before the answer.
    await sandbox.faults([{ method: 'POST', path: '^/v2/incidents$', kind: 'drop_after', times: EVERY_RESEND }]);
    await panel.getByRole('textbox', { name: 'Name' }).fill('Login loop on mobile');
    await panel.getByRole('button', { name: 'Declare', exact: true }).click();
    await expect(panel.getByRole('alert')).toContainText(/reach incident\.io/);
    await expect(panel.getByRole('textbox', { name: 'Name' })).toHaveValue('Login loop on mobile');
    await sandbox.call('DELETE', 'faults');
    await panel.getByRole('button', { name: 'Declare', exact: true }).click();
    await expect(panel.getByText(/INC-1\d\d/).first()).toBeVisible();
    expect(await declaredNamed('Login loop on mobile')).toHaveLength(1);
  });
});
