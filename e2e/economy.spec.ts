import type { Page, Worker } from '@playwright/test';
import { sandbox } from './fixtures';
import { expect, openDesk, strip, test } from './helpdesk-fixtures';

const poll = (worker: Worker) =>
  worker.evaluate(() => (globalThis as unknown as { __incidentCopilotTest: { pollOnce(): Promise<string> } }).__incidentCopilotTest.pollOnce());

/** Incident list calls incident.io received since the log was last cleared. */
const listCalls = async () => (await sandbox.requests()).requests.filter((r) => r.method === 'GET' && r.path === '/v2/incidents').length;

/** Lets what opening tabs asked for (their revalidation on load) finish, so the count is the poll's. */
const settle = (page: Page) => page.waitForTimeout(2_500);

test('five help-desk tabs cost no more incident.io list requests per poll than one', async ({ context, panel, worker }) => {
  void panel;
  const first = await openDesk(context, 'zendesk');
  await expect(strip(first)).toBeVisible();
  await settle(first);
  await sandbox.clearRequests();
  expect(await poll(worker)).toBe('polled');
  // Whatever the tabs do after a poll (they hear of the refresh and re-read the shared cache) must
  // not reach incident.io. (A reload would revalidate on purpose once the cache is 2 s old: that is
  // freshness, covered by freshness.spec, and on a loaded machine reloads take longer than that.)
  await first.waitForTimeout(1_500);
  await expect(strip(first)).toBeVisible();
  const withOne = await listCalls();

  for (const name of ['intercom', 'freshdesk', 'helpscout', 'zendesk-multipane'] as const) {
    await expect(strip(await openDesk(context, name))).toBeVisible();
  }
  await settle(first);
  await sandbox.clearRequests();
  expect(await poll(worker)).toBe('polled');
  await first.waitForTimeout(1_500);
  for (const page of context.pages()) if (page.url().startsWith('https://')) await expect(strip(page)).toBeVisible();
  const withFive = await listCalls();

  expect(withOne).toBe(1);
  expect(withFive).toBe(withOne);
});
