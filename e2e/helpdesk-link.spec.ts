import { attachmentsFor, expect, openDesk, openInPanel, sandboxIncident, strip, test } from './helpdesk-fixtures';

const TICKET = 'Zendesk #48213: Checkout failing for EU customers';

test.describe('Linking a ticket to an incident (stored in incident.io, confirmed in the side panel)', () => {
  test('from the strip: the panel asks, the agent confirms, the link is stored and shown; Unlink removes it', async ({ context, panel }) => {
    const page = await openDesk(context, 'zendesk');
    await strip(page).getByRole('button', { name: 'Link this ticket…' }).click();
    // Nothing is written by the page's click: only the panel's confirmation does that.
    expect(await attachmentsFor('48213')).toEqual([]);

    await expect(panel.getByRole('heading', { name: 'Link a ticket to an incident' })).toBeVisible();
    await expect(panel.getByRole('combobox', { name: 'Incident' })).toHaveValue('INC-123'); // the page mentions it
    const confirm = panel.getByRole('region', { name: 'Link this ticket to INC-123?' });
    await expect(confirm).toContainText(TICKET);
    await expect(confirm).toContainText('https://acme.zendesk.com/agent/tickets/48213');
    await confirm.getByRole('button', { name: 'Link ticket' }).click();

    // The panel moves to the incident, which lists the ticket.
    const linked = panel.getByRole('region', { name: 'Linked tickets' });
    await expect(linked.getByRole('link', { name: TICKET })).toHaveAttribute('href', 'https://acme.zendesk.com/agent/tickets/48213');
    const stored = await attachmentsFor('48213');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      incident_id: (await sandboxIncident('INC-123')).id,
      resource: { resource_type: 'zendesk_ticket', title: TICKET, permalink: 'https://acme.zendesk.com/agent/tickets/48213' },
    });

    // The ticket page now lists the link in its strip.
    await page.reload();
    await expect(strip(page).getByRole('group', { name: 'Linked incidents' })).toContainText('INC-123 Checkout failing for EU customers');

    await linked.getByRole('button', { name: `Unlink ${TICKET}` }).click();
    await expect(linked).toContainText('No tickets linked yet.');
    expect(await attachmentsFor('48213')).toEqual([]);
  });

  test('from the side panel: an incident offers to link the ticket open in the active tab', async ({ context, panel }) => {
    await openDesk(context, 'helpscout');
    await openInPanel(panel, 'INC-131');
    await panel.getByRole('button', { name: 'Link Help Scout #4521: Login loop on mobile app' }).click();
    await panel.getByRole('region', { name: 'Link this ticket to INC-131?' }).getByRole('button', { name: 'Link ticket' }).click();
    const linked = panel.getByRole('region', { name: 'Linked tickets' });
    await expect(linked.getByRole('link', { name: 'Help Scout #4521: Login loop on mobile app' })).toBeVisible();
    const stored = await attachmentsFor('https://secure.helpscout.net/conversation/2817263541/4521');
    expect(stored).toEqual([expect.objectContaining({ incident_id: (await sandboxIncident('INC-131')).id, resource: expect.objectContaining({ resource_type: 'arbitrary_url' }) })]);
  });
});
