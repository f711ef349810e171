import type { Page } from '@playwright/test';
import { connectAndOpenIncidents, expect, KEYS, sandbox, test } from './fixtures';

async function openIncident(panel: Page, ref: string) {
  await panel.getByRole('textbox', { name: 'Find incident' }).fill(ref);
  await panel.getByRole('button', { name: 'Find' }).click();
  await expect(panel.getByRole('heading', { level: 2 })).toBeVisible();
}

/** Read straight from the sandbox's public API, as incident.io would answer. */
async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${sandbox.url}${path}`, { headers: { authorization: `Bearer ${KEYS.full}` } });
  return (await res.json()) as T;
}
const escalationsOf = async (ref: string) => {
  const incident = (await sandbox.incidents()).incidents.find((i) => i.reference === ref);
  return (await api<{ escalations: { title: string; escalation_path_id?: string }[] }>(`/v2/escalations?incident[one_of]=${incident?.id}`)).escalations;
};

test.describe('Page on-call from the panel', () => {
  test.describe.configure({ timeout: 150_000 });
  test('a page whose answers are lost and then 500 is retried by the agent and pages exactly once', async ({ panel }) => {
    await connectAndOpenIncidents(panel);
    await openIncident(panel, 'INC-131');
    await expect(panel.getByRole('definition').filter({ hasText: 'Grace Kim' })).toBeVisible();

    await panel.getByRole('button', { name: 'Escalate' }).click();
    await panel.getByRole('combobox', { name: 'Escalation path' }).selectOption({ label: 'Payments on-call' });
    await expect(panel.getByRole('textbox', { name: 'Title' })).toHaveValue('INC-131: Database latency in eu-west-1');
    await panel.getByRole('textbox', { name: 'Description' }).fill('Checkout latency reported by 4 customers');
    await panel.getByRole('button', { name: 'Review page' }).click();

    // The first attempt is processed but its answer lost; the client's own retries then get 500s.
    await sandbox.faults([
      { method: 'POST', path: '^/v2/escalations$', kind: 'drop_after' },
      { method: 'POST', path: '^/v2/escalations$', status: 500, times: 10 },
    ]);
    await panel.getByRole('button', { name: 'Page on-call' }).click();
    await expect(panel.getByRole('alert')).toBeVisible({ timeout: 30_000 });
    expect(await escalationsOf('INC-131')).toHaveLength(1);
    await sandbox.call('DELETE', 'faults');
    await panel.getByRole('button', { name: /Try again|Retry/ }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Paged on-call' })).toBeVisible();

    const escalations = await escalationsOf('INC-131');
    expect(escalations).toHaveLength(1);
    expect(escalations[0]?.title).toBe('INC-131: Database latency in eu-west-1');
    await expect(panel.getByRole('listitem').filter({ hasText: 'triggered' })).toBeVisible();
  });

  test('people are searched by name and paged directly', async ({ panel }) => {
    await connectAndOpenIncidents(panel);
    await openIncident(panel, 'INC-123');
    await panel.getByRole('button', { name: 'Escalate' }).click();
    await panel.getByRole('searchbox', { name: 'People' }).fill('ana r');
    await panel.getByRole('checkbox', { name: 'Ana Ruiz' }).check();
    await panel.getByRole('button', { name: 'Review page' }).click();
    await expect(panel.getByRole('region', { name: /Page on-call for INC-123/ })).toContainText('Ana Ruiz');
    await panel.getByRole('button', { name: 'Page on-call' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Paged on-call' })).toBeVisible();
    expect(await escalationsOf('INC-123')).toHaveLength(1);
  });

  test('a key without the roles sees why Escalate and On call now are missing', async ({ panel }) => {
    await connectAndOpenIncidents(panel, 'sandbox-responder-key');
    await openIncident(panel, 'INC-123');
    await expect(panel.getByText(/can't page on-call.*escalation_creator/)).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Escalate' })).toHaveCount(0);
    await expect(panel.getByText(/can't see who is on call/)).toBeVisible();
  });
});
