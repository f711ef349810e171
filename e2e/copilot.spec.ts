import type { Page } from '@playwright/test';
import { connectAndOpenIncidents, expect, sandbox, test } from './fixtures';

async function ask(panel: Page, text: string) {
  const box = panel.getByRole('textbox', { name: 'Ask Copilot' });
  await box.fill(text);
  await box.press('Enter');
}

const statusOf = async (ref: string) =>
  (await sandbox.incidents()).incidents.find((i) => i.reference === ref)?.incident_status;

test.describe('Ask Copilot: the seed’s sentences', () => {
  test('"Is there a known incident?" answers with the open incidents', async ({ panel }) => {
    await connectAndOpenIncidents(panel);
    await panel.reload();
    await expect(panel.getByRole('textbox', { name: 'Ask Copilot' })).toBeFocused();
    await ask(panel, 'Is there a known incident?');
    const answer = panel.getByRole('region', { name: 'Copilot' }).getByRole('status');
    await expect(answer).toContainText(/open incidents/);
    await expect(answer).toContainText('INC-123 Checkout failing for EU customers');
  });

  test('"is checkout broken?" narrows to matching incidents', async ({ panel }) => {
    await connectAndOpenIncidents(panel);
    await ask(panel, 'is checkout broken?');
    const answer = panel.getByRole('region', { name: 'Copilot' }).getByRole('status');
    await expect(answer).toContainText('INC-123');
    await expect(answer).not.toContainText('INC-131');
  });

  test('"What is the current status of incident INC-123?" answers with its status', async ({ panel }) => {
    await connectAndOpenIncidents(panel);
    await ask(panel, 'What is the current status of incident INC-123?');
    await expect(panel.getByRole('region', { name: 'Copilot' }).getByRole('status')).toContainText('INC-123 “Checkout failing for EU customers” is Fixing');
  });

  test('"Create an incident.io incident for the database issue" prefills the declare form and waits for the agent', async ({ panel }) => {
    await connectAndOpenIncidents(panel);
    const before = (await sandbox.incidents()).incidents.length;
    await ask(panel, 'Create an incident.io incident for the database issue');
    await expect(panel.getByRole('textbox', { name: 'Name' })).toHaveValue('Database issue');
    expect((await sandbox.incidents()).incidents).toHaveLength(before);
    await panel.getByRole('button', { name: 'Declare', exact: true }).click();
    await expect(panel.getByText(/INC-138/)).toBeVisible();
    expect((await sandbox.incidents()).incidents).toHaveLength(before + 1);
  });

  test('"Mark incident INC-123 as resolved" changes nothing until confirmed', async ({ panel }) => {
    await connectAndOpenIncidents(panel);
    await ask(panel, 'Mark incident INC-123 as resolved');
    const card = panel.getByRole('region', { name: /Change INC-123/ });
    await expect(card).toContainText('Fixing');
    expect((await statusOf('INC-123'))?.name).toBe('Fixing');
    await card.getByRole('button', { name: 'Update status' }).click();
    await expect(panel.getByRole('region', { name: 'Copilot' }).getByRole('status')).toContainText('INC-123 is now');
    expect((await statusOf('INC-123'))?.category).toBe('closed');
  });

  test('an unknown status word gets the seed’s list of valid statuses; gibberish gets examples', async ({ panel }) => {
    await connectAndOpenIncidents(panel);
    await ask(panel, 'set INC-123 to banana');
    await expect(panel.getByRole('region', { name: 'Copilot' })).toContainText(
      'Cannot update status: valid statuses are triage, active, monitoring and resolved',
    );
    await ask(panel, 'blorp');
    await expect(panel.getByRole('button', { name: 'Is there a known incident?' })).toBeVisible();
  });
});
