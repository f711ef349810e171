import { connectAndOpenIncidents, expect, test } from './fixtures';

const FORMS = ['INC-123', 'inc-123', '123', '#123', 'https://app.incident.io/acme/incidents/123'];

test.describe('Find one incident', () => {
  test('every reference form opens the incident with its details and timeline', async ({ panel }) => {
    await connectAndOpenIncidents(panel);
    for (const form of FORMS) {
      await panel.getByRole('textbox', { name: 'Find incident' }).fill(form);
      await panel.getByRole('button', { name: 'Find' }).click();
      await expect(panel.getByRole('heading', { name: 'Checkout failing for EU customers' }), form).toBeVisible();
      await panel.getByRole('button', { name: /Back to incidents/ }).click();
    }
  });

  test('the detail shows status, severity, type, summary, lead, Slack channel, link and the update timeline', async ({ panel }) => {
    await connectAndOpenIncidents(panel);
    await panel.getByRole('textbox', { name: 'Find incident' }).fill('INC-123');
    await panel.getByRole('button', { name: 'Find' }).click();
    const detail = panel.getByRole('article');
    await expect(detail.getByRole('heading', { name: 'Checkout failing for EU customers' })).toBeVisible();
    await expect(detail).toContainText('Fixing');
    await expect(detail).toContainText('Critical');
    await expect(detail).toContainText('Card payments fail for customers in the EU');
    await expect(detail).toContainText('Priya Shah');
    await expect(detail).toContainText('#inc-123');
    await expect(detail.getByRole('link', { name: 'Open in incident.io' })).toHaveAttribute('href', /incidents\/123$/);
    const timeline = detail.getByRole('list', { name: /timeline|updates/i });
    await expect(timeline.getByRole('listitem').first()).toBeVisible();
    expect(await timeline.getByRole('listitem').count()).toBeGreaterThan(1);
  });

  test('an unknown or malformed reference gets the seed’s "not found" advice', async ({ panel }) => {
    await connectAndOpenIncidents(panel);
    for (const bad of ['INC-99999', 'checkout']) {
      await panel.getByRole('textbox', { name: 'Find incident' }).fill(bad);
      await panel.getByRole('button', { name: 'Find' }).click();
      await expect(panel.getByRole('alert')).toContainText('incident.io IDs look like INC-123');
    }
  });
});
