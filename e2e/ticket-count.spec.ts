import { KEYS, sandbox } from './fixtures';
import { attachmentsFor, expect, openDesk, sandboxIncident, strip, test } from './helpdesk-fixtures';

const TICKET = 'Zendesk #48213: Checkout failing for EU customers';

/** The "Tickets" field's value on the incident as incident.io returns it (read with the API). */
async function ticketsField(incidentId: string): Promise<string | undefined> {
  const res = await fetch(`${sandbox.url}/v2/incidents/${incidentId}`, { headers: { Authorization: `Bearer ${KEYS.full}` } });
  if (!res.ok) throw new Error(`incident: HTTP ${res.status}`);
  const { incident } = (await res.json()) as { incident: { custom_field_entries: { custom_field: { name: string }; values: { value_numeric?: string }[] }[] } };
  return incident.custom_field_entries.find((entry) => entry.custom_field.name === 'Tickets')?.values[0]?.value_numeric;
}

test.describe('Ticket counts flow back to the responders (issue 11 §5)', () => {
  test('with "Tickets" chosen in Settings, linking and unlinking a ticket writes the recomputed count', async ({ context, panel }) => {
    const incident = await sandboxIncident('INC-123');
    const before = await ticketsField(incident.id);

    // Settings: "Don't write counts" until the agent chooses the organisation's numeric field.
    await panel.getByRole('tab', { name: 'Settings' }).click();
    const field = panel.getByRole('combobox', { name: 'Ticket count field' });
    await expect(field.getByRole('option', { name: 'Tickets' })).toBeAttached();
    await expect(field.locator('option:checked')).toHaveText("Don't write counts");
    await field.selectOption({ label: 'Tickets' });
    await panel.getByRole('button', { name: 'Apply support settings' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

    const page = await openDesk(context, 'zendesk');
    await strip(page).getByRole('button', { name: 'Link this ticket…' }).click();
    await panel.getByRole('region', { name: 'Link this ticket to INC-123?' }).getByRole('button', { name: 'Link ticket' }).click();
    const linked = panel.getByRole('region', { name: 'Linked tickets' });
    await expect(linked.getByRole('link', { name: TICKET })).toBeVisible();
    expect(await attachmentsFor('48213')).toHaveLength(1);
    // The true count from incident.io's attachments (the seed has no ticket on INC-123, its status page link isn't one).
    await expect.poll(() => ticketsField(incident.id)).toBe('1');
    expect(before).not.toBe('1');

    await linked.getByRole('button', { name: `Unlink ${TICKET}` }).click();
    await expect(linked).toContainText('No tickets linked yet.');
    await expect.poll(() => ticketsField(incident.id)).toBe('0');
  });
});
