import type { Page } from '@playwright/test';
import { connect, expect, KEYS, sandbox, test } from './fixtures';

/**
 * Issue 14 §14: incident.io not answering a declaration. The e2e build lets the panel page shorten
 * the waits (8 s "slow", 25 s "stop waiting") to 1 s and 3 s: the same code path, in seconds.
 */
async function openDeclare(panel: Page) {
  await connect(panel, KEYS.full);
  await expect(panel.getByText(/Connected as/)).toBeVisible();
  await panel.evaluate(() => {
    (globalThis as { __copilotDeclareWait?: unknown }).__copilotDeclareWait = { slowMs: 1_000, giveUpMs: 3_000 };
  });
  await panel.getByRole('tab', { name: 'Declare' }).click();
}

const declaredNamed = async (name: string) => (await sandbox.incidents()).incidents.filter((i) => i.name === name);
const declareButton = (panel: Page) => panel.getByRole('button', { name: 'Declare', exact: true });

test.describe('A declaration incident.io does not answer', () => {
  test('says it is slow, stops waiting with the draft kept, and a retry declares exactly once', async ({ panel }) => {
    await openDeclare(panel);
    await sandbox.faults([{ method: 'POST', path: '^/v2/incidents$', kind: 'hang' }]);
    await panel.getByRole('textbox', { name: 'Name' }).fill('Refunds stuck');
    await declareButton(panel).click();
    await expect(panel.getByRole('status').filter({ hasText: 'incident.io is slow to answer' })).toContainText('nothing will be declared twice');
    const alert = panel.getByRole('alert');
    await expect(alert).toContainText("incident.io hasn't answered in 3 s. Your draft is kept");
    await expect(panel.getByRole('textbox', { name: 'Name' })).toHaveValue('Refunds stuck');
    await expect(declareButton(panel)).toBeEnabled();
    // The hang was used up: the retry (same idempotency key) goes through.
    await declareButton(panel).click();
    await expect(panel.getByText(/INC-\d+ declared/)).toBeVisible();
    expect(await declaredNamed('Refunds stuck')).toHaveLength(1);
  });

  test('an answer that arrives after giving up still shows the incident, and a retry meanwhile makes no second one', async ({ panel }) => {
    // The sandbox holds each answer for seconds on purpose.
    test.setTimeout(120_000);
    await openDeclare(panel);
    await sandbox.faults([{ method: 'POST', path: '^/v2/incidents$', latencyMs: 6_000 }]);
    await panel.getByRole('textbox', { name: 'Name' }).fill('Invoices late');
    await declareButton(panel).click();
    await expect(panel.getByRole('alert')).toContainText("hasn't answered");
    await sandbox.faults([{ method: 'POST', path: '^/v2/incidents$', latencyMs: 4_000 }]);
    await declareButton(panel).click();
    // Both attempts carry the draft's key: whichever answers first shows the one incident.
    await expect(panel.getByText(/INC-\d+ declared/)).toBeVisible({ timeout: 30_000 });
    await expect.poll(async () => (await sandbox.requests()).requests.filter((r) => r.method === 'POST' && r.path === '/v2/incidents' && r.status !== null).length, { timeout: 30_000 }).toBe(2);
    expect(await declaredNamed('Invoices late')).toHaveLength(1);
  });
});
