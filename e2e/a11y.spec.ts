import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SECOND_WORKSPACE } from '../sandbox/second-org';
import { connectAndOpenIncidents, expect, KEYS, sandbox, test } from './fixtures';
import { card, openDesk, sandboxIncident, strip, test as deskTest, textCenter } from './helpdesk-fixtures';

// axe-core on every side-panel view and on the strip and hover card in a ticket page (issue 13 §4):
// no serious or critical violations. Each view is scanned where a user would see it; all findings
// of a test are reported together.

type Finding = { view: string; id: string; impact: string; help: string; targets: string[] };

async function scan(page: Page, view: string, findings: Finding[], include?: string): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  for (const v of violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    findings.push({ view, id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) });
  }
}

async function toList(panel: Page) {
  await panel.getByRole('tab', { name: 'Incidents' }).click();
  const back = panel.getByRole('button', { name: /Back to incidents/ });
  // The tab shows the list or the last incident opened; wait for one (a busy machine renders late).
  await expect(panel.getByRole('region', { name: 'Open incidents' }).or(back)).toBeVisible();
  if (await back.isVisible()) await back.click();
  await expect(panel.getByRole('region', { name: 'Open incidents' })).toBeVisible();
}

async function find(panel: Page, reference: string) {
  await toList(panel);
  await panel.getByRole('textbox', { name: 'Find incident' }).fill(reference);
  await panel.getByRole('button', { name: 'Find' }).click();
  await expect(panel.getByRole('article')).toContainText(reference);
}

/** Every view of the panel, in the colour scheme the page emulates. */
async function scanPanel(panel: Page, scheme: 'light' | 'dark', findings: Finding[]) {
  const at = (view: string) => `${view} (${scheme})`;
  await panel.emulateMedia({ colorScheme: scheme });
  await connectAndOpenIncidents(panel);
  await expect(panel.getByText('INC-123').first()).toBeVisible();
  await scan(panel, at('incidents'), findings);

  const box = panel.getByRole('textbox', { name: 'Ask Copilot' });
  await box.fill('Is there a known incident?');
  await box.press('Enter');
  await expect(panel.getByRole('region', { name: 'Copilot' }).getByRole('status')).toContainText('INC-123');
  await scan(panel, at('copilot answer'), findings);

  await find(panel, 'INC-131');
  await scan(panel, at('detail'), findings);
  const status = panel.getByRole('combobox', { name: 'Status' });
  await status.selectOption({ label: 'triage' });
  await expect(panel.getByText(/can't go back to triage/)).toBeVisible();
  await scan(panel, at('status change refused'), findings);
  await status.selectOption({ label: 'resolved' });
  await panel.getByRole('button', { name: 'Update status' }).click();
  await expect(panel.getByRole('dialog')).toBeVisible();
  await scan(panel, at('status change confirm'), findings);
  await panel.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  await panel.getByRole('tab', { name: 'Declare' }).click();
  await expect(panel.getByRole('textbox', { name: 'Name' })).toBeVisible();
  await scan(panel, at('declare'), findings);
  await panel.getByRole('button', { name: 'Declare', exact: true }).click();
  await expect(panel.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');
  await scan(panel, at('declare with errors'), findings);

  await panel.getByRole('tab', { name: 'Settings' }).click();
  await expect(panel.getByRole('textbox', { name: 'API key', exact: true })).toBeVisible();
  await scan(panel, at('settings'), findings);

  await sandbox.faults([{ method: 'GET', path: '^/v2/incidents/[^/]+$', status: 503, times: 20 }]);
  await toList(panel);
  await panel.getByRole('textbox', { name: 'Find incident' }).fill('INC-456');
  await panel.getByRole('button', { name: 'Find' }).click();
  await expect(panel.getByRole('alert').first()).toBeVisible({ timeout: 20_000 });
  await scan(panel, at('error'), findings);
}

/** A view scanned as the agent sees it in each colour scheme. */
async function scanBoth(page: Page, view: string, findings: Finding[], include?: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await scan(page, `${view} (${scheme})`, findings, include);
  }
}

test.describe('Accessibility: axe finds no serious or critical violations', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`every side-panel view, ${scheme} mode`, async ({ panel }) => {
      test.setTimeout(300_000); // ten views, each scanned in full (slow on a loaded 2-core machine)
      const findings: Finding[] = [];
      await scanPanel(panel, scheme, findings);
      expect(findings).toEqual([]);
    });
  }

  test('the empty state, light and dark', async ({ panel }) => {
    const findings: Finding[] = [];
    await sandbox.faults([{ method: 'GET', path: '^/v2/incidents$', status: 200, times: 20, body: { incidents: [], pagination_meta: { page_size: 250 } } }]);
    await connectAndOpenIncidents(panel);
    await expect(panel.getByText('No known incidents right now')).toBeVisible();
    for (const scheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme: scheme });
      await scan(panel, `empty (${scheme})`, findings);
    }
    expect(findings).toEqual([]);
  });
});

test.describe('Accessibility of the write forms and the support loop', () => {
  test('Escalate, Publish to status page, Follow-ups and the workspace switcher, light and dark', async ({ panel, worker }) => {
    test.setTimeout(300_000);
    const findings: Finding[] = [];
    await connectAndOpenIncidents(panel);

    await find(panel, 'INC-131');
    await panel.getByRole('button', { name: 'Escalate' }).click();
    await expect(panel.getByRole('combobox', { name: 'Escalation path' })).toBeVisible();
    await scanBoth(panel, 'escalate form', findings);
    await panel.getByRole('combobox', { name: 'Escalation path' }).selectOption({ label: 'Payments on-call' });
    await panel.getByRole('button', { name: 'Review page' }).click();
    await expect(panel.getByRole('region', { name: /Page on-call for INC-131/ })).toBeVisible();
    await scanBoth(panel, 'escalate review', findings);

    await find(panel, 'INC-131');
    await panel.getByRole('button', { name: 'Publish to status page' }).click();
    await expect(panel.getByRole('textbox', { name: 'Public title' })).toBeVisible();
    await panel.getByRole('textbox', { name: 'Message' }).fill('Dashboards load **slowly** for EU customers.');
    await expect(panel.getByRole('region', { name: 'Preview' })).toContainText('Dashboards load slowly');
    await scanBoth(panel, 'status page form', findings);
    await panel.getByRole('button', { name: 'Review' }).click();
    await expect(panel.getByRole('region', { name: /Publish to status page for INC-131\?/ })).toBeVisible();
    await scanBoth(panel, 'status page review', findings);

    // A linked ticket's incident moves to monitoring between two polls: the ticket is queued.
    const incident = await sandboxIncident('INC-123');
    const linked = await fetch(`${sandbox.url}/v1/incident_attachments`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${KEYS.full}`, 'content-type': 'application/json' },
      body: JSON.stringify({ incident_id: incident.id, resource: { resource_type: 'zendesk_ticket', external_id: '48213' } }),
    });
    expect(linked.ok).toBe(true);
    const poll = () => worker.evaluate(() => (globalThis as unknown as { __incidentCopilotTest: { pollOnce(): Promise<string> } }).__incidentCopilotTest.pollOnce());
    expect(await poll()).toBe('polled');
    await sandbox.call('POST', 'incidents/INC-123/status', { status: 'Monitoring' });
    expect(await poll()).toBe('polled');
    await panel.getByRole('tab', { name: /^Follow-ups \([1-9]\d*\)$/ }).click();
    await expect(panel.getByRole('heading', { name: 'Follow-ups' })).toBeVisible();
    await expect(panel.getByRole('button', { name: /^Mark done/ }).first()).toBeVisible();
    await scanBoth(panel, 'follow-ups', findings);

    await panel.getByRole('tab', { name: 'Settings' }).click();
    await panel.getByLabel('API key for another workspace').fill(SECOND_WORKSPACE.key);
    await panel.getByRole('button', { name: 'Add workspace' }).click();
    await expect(panel.getByRole('button', { name: `Remove ${SECOND_WORKSPACE.name}` })).toBeVisible();
    await expect(panel.getByRole('combobox', { name: 'Workspace' })).toBeVisible();
    await scanBoth(panel, 'settings with two workspaces', findings);
    await toList(panel);
    await expect(panel.getByRole('region', { name: 'Open incidents' })).toContainText('INC-');
    await scanBoth(panel, 'incidents with the workspace switcher', findings);
    expect(findings).toEqual([]);
  });
});

deskTest.describe('Accessibility in a ticket page', () => {
  deskTest('the strip and the hover card (Zendesk)', async ({ context, panel }) => {
    void panel;
    const findings: Finding[] = [];
    const page = await openDesk(context, 'zendesk');
    await expect(strip(page)).toBeVisible();
    await scan(page, 'strip', findings, 'incident-copilot-ui');
    const at = await textCenter(page, '[data-test-id="omni-log-container"]', 'INC-123');
    await page.mouse.move(at.x, at.y);
    await expect(card(page)).toBeVisible();
    await scan(page, 'hover card', findings, 'incident-copilot-ui');
    expect(findings).toEqual([]);
  });

  deskTest('the link confirmation in the panel, light and dark', async ({ context, panel }) => {
    const findings: Finding[] = [];
    const page = await openDesk(context, 'zendesk');
    await strip(page).getByRole('button', { name: 'Link this ticket…' }).click();
    await expect(panel.getByRole('region', { name: 'Link this ticket to INC-123?' })).toBeVisible();
    await scanBoth(panel, 'link confirmation', findings);
    expect(findings).toEqual([]);
  });
});
