import type { Worker } from '@playwright/test';
import { sandbox } from './fixtures';
import { expect, openDesk, strip, test } from './helpdesk-fixtures';

const poll = (worker: Worker) =>
  worker.evaluate(() => (globalThis as unknown as { __incidentCopilotTest: { pollOnce(): Promise<string> } }).__incidentCopilotTest.pollOnce());

/** Incident list calls incident.io received since the log was last cleared. */
const listCalls = async () => (await sandbox.requests()).requests.filter((r) => r.method === 'GET' && r.path === '/v2/incidents').length;

test('five help-desk tabs cost no more incident.io list requests per poll than one', async ({ context, panel, worker }) => {
  void panel;
  const first = await openDesk(context, 'zendesk');
  await expect(strip(first)).toBeVisible();
  await sandbox.clearRequests();
  expect(await poll(worker)).toBe('polled');
  await first.reload();
  await expect(strip(first)).toBeVisible();
  const withOne = await listCalls();

  for (const name of ['intercom', 'freshdesk', 'helpscout', 'zendesk-multipane'] as const) {
    await expect(strip(await openDesk(context, name))).toBeVisible();
  }
  await sandbox.clearRequests();
  expect(await poll(worker)).toBe('polled');
  for (const page of context.pages()) if (page.url().startsWith('https://')) await page.reload();
  for (const page of context.pages()) if (page.url().startsWith('https://')) await expect(strip(page)).toBeVisible();
  const withFive = await listCalls();

  expect(withOne).toBe(1);
  expect(withFive).toBe(withOne);
});
