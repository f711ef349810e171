import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Locator, Page, Worker } from '@playwright/test';
import { chromium } from '@playwright/test';
import { recordFault, resetFaultTable } from './fault-log';
import {
  CHROMIUM, connect, connectAndOpenIncidents, EVERY_RESEND, EXTENSION_DIR, expect, KEYS, QUIET_CHROMIUM_ARGS, sandbox, test,
} from './fixtures';

/**
 * The fault matrix: for each fault the sandbox injects, what the agent sees in the side panel,
 * whether anything typed was lost, whether a retried write duplicated anything, and whether the
 * extension works again once the fault clears. Every row goes to test-results/fault-table.jsonl
 * (`npx tsx scripts/fault-table.ts` prints it).
 */

type Fault = Record<string, unknown>;
const CREATE = { method: 'POST', path: '^/v2/incidents$' };
const EDIT = { method: 'POST', path: '/actions/edit$' };

async function clearFaults() {
  await sandbox.call('DELETE', 'faults');
  await sandbox.call('POST', 'latency', { ms: 0 });
  await sandbox.call('POST', 'keys/revoke', { key: KEYS.full, revoked: false });
}

/**
 * The client waits 15 s per attempt; three attempts would take 45 s. This compresses that one timer
 * tenfold inside the service worker (the client reads the global `setTimeout` at call time), so the
 * agent still sees the product's "didn't answer within 15 s" after ~5 s.
 */
const compressClientTimeout = (worker: Worker) =>
  worker.evaluate(() => {
    const g = globalThis as unknown as { setTimeout: typeof setTimeout; __realSetTimeout?: typeof setTimeout };
    const real = (g.__realSetTimeout ??= g.setTimeout);
    g.setTimeout = ((fn: () => void, ms?: number) => real(fn, ms === 15_000 ? 1_500 : ms)) as typeof setTimeout;
  });
const restoreClientTimeout = (worker: Worker) =>
  worker.evaluate(() => {
    const g = globalThis as unknown as { setTimeout: typeof setTimeout; __realSetTimeout?: typeof setTimeout };
    if (g.__realSetTimeout) g.setTimeout = g.__realSetTimeout;
  });

const declaredNamed = async (name: string) => (await sandbox.incidents()).incidents.filter((i) => i.name === name);

/** Opens a blank declaration and types the two fields every fault must leave as they were. */
async function typeDraft(panel: Page, name: string, summary: string) {
  await panel.getByRole('tab', { name: 'Declare' }).click();
  const again = panel.getByRole('button', { name: 'Declare incident' });
  if (await again.isVisible()) await again.click();
  await panel.getByRole('textbox', { name: 'Name' }).fill(name);
  await panel.getByRole('textbox', { name: 'Summary' }).fill(summary);
}

const declareForm = (panel: Page) => panel.getByRole('form', { name: 'Declare an incident' });

/** The typed fields that must survive any failure. */
async function draftLoss(panel: Page, name: string, summary: string) {
  const values = [
    await panel.getByRole('textbox', { name: 'Name' }).inputValue(),
    await panel.getByRole('textbox', { name: 'Summary' }).inputValue(),
  ];
  return Number(values[0] !== name) + Number(values[1] !== summary);
}

async function alertText(alert: Locator, timeout = 20_000) {
  await expect(alert).toBeVisible({ timeout });
  const text = (await alert.innerText()).trim();
  expect(text).not.toMatch(/unknown error/i);
  expect(text.length).toBeGreaterThan(20);
  return text;
}

interface DeclareCase {
  fault: string;
  inject: (worker: Worker) => Promise<unknown>;
  /** What the agent must see; for faults the product absorbs, the success line. */
  expected: RegExp;
  absorbed?: boolean;
  cleanup?: (worker: Worker) => Promise<unknown>;
}

const httpDateIn = (seconds: number) => new Date(Date.now() + seconds * 1000).toUTCString();
const inject = (...faults: Fault[]) => () => sandbox.faults(faults.map((fault) => ({ ...CREATE, ...fault })));

const DECLARE_CASES: DeclareCase[] = [
  { fault: '401 mid-session (key revoked)', inject: () => sandbox.call('POST', 'keys/revoke', { key: KEYS.full }), expected: /Unauthorized: generate a new API key/ },
  { fault: '403 (role missing)', inject: inject({ status: 403 }), expected: /Create incidents/ },
  {
    fault: '422 with field errors',
    inject: inject({
      status: 422,
      body: { type: 'validation_error', status: 422, request_id: 'req-422', errors: [{ code: 'invalid_value', message: 'Name must not mention customers', source: { field: 'name' } }] },
    }),
    expected: /couldn't accept this: Name must not mention customers \(name\)/,
  },
  { fault: '429, Retry-After in seconds', inject: inject({ status: 429, headers: { 'Retry-After': '1' }, times: 3 }), expected: /rate-limiting this key/ },
  { fault: '429, Retry-After as HTTP-date', inject: () => inject({ status: 429, headers: { 'Retry-After': httpDateIn(2) }, times: 3 })(), expected: /rate-limiting this key/ },
  { fault: '500', inject: inject({ status: 500, times: 3 }), expected: /incident\.io had a problem \(HTTP 500\)/ },
  { fault: '502', inject: inject({ status: 502, times: 3 }), expected: /incident\.io had a problem \(HTTP 502\)/ },
  { fault: '503', inject: inject({ status: 503, times: 3 }), expected: /incident\.io had a problem \(HTTP 503\)/ },
  {
    fault: 'hang past the client timeout',
    inject: async (worker) => {
      await compressClientTimeout(worker);
      await inject({ kind: 'hang', times: 3 })();
    },
    expected: /didn't answer within 15 s/,
    cleanup: restoreClientTimeout,
  },
  { fault: 'dropped connection', inject: inject({ kind: 'drop', times: EVERY_RESEND }), expected: /Can't reach incident\.io at http:\/\/127\.0\.0\.1/ },
  { fault: 'dropped after incident.io created it', inject: inject({ kind: 'drop_after', times: EVERY_RESEND }), expected: /Can't reach incident\.io/ },
  { fault: 'non-JSON body', inject: inject({ kind: 'non_json', status: 200 }), expected: /unexpected format \(not JSON\)/ },
  { fault: 'body that breaks the schema (after creating)', inject: inject({ kind: 'bad_schema' }), expected: /unexpected format/ },
  { fault: 'unknown enum values and extra fields', inject: inject({ kind: 'unknown_enums' }), expected: /INC-\d+ declared/, absorbed: true },
  { fault: '2 s latency on every call', inject: () => sandbox.call('POST', 'latency', { ms: 2000 }), expected: /INC-\d+ declared/, absorbed: true },
];

test.describe('Faults: what the agent sees, what is kept, what is duplicated', () => {
  test.beforeAll(resetFaultTable);

  test('declaring under every fault: an actionable message, the draft kept, one incident after retrying', async ({ panel, worker }) => {
    test.setTimeout(180_000);
    await connect(panel, KEYS.full);
    await expect(panel.getByText(/Connected as/)).toBeVisible();
    for (const [index, c] of DECLARE_CASES.entries()) {
      await test.step(c.fault, async () => {
        const name = `Fault ${index}: checkout fails`;
        const summary = `Row ${index}: ${c.fault}`;
        await typeDraft(panel, name, summary);
        await c.inject(worker);
        await panel.getByRole('button', { name: 'Declare', exact: true }).click();

        let saw: string;
        let dataLost = 0;
        if (c.absorbed) {
          saw = await alertText(panel.getByRole('status').filter({ hasText: /declared/ }));
        } else {
          saw = await alertText(declareForm(panel).getByRole('alert'));
          dataLost = await draftLoss(panel, name, summary);
          await clearFaults();
          await c.cleanup?.(worker);
          // Recovery: the agent presses Declare again, nothing else.
          await panel.getByRole('button', { name: 'Declare', exact: true }).click();
          await expect(panel.getByRole('status').filter({ hasText: /INC-\d+ declared/ })).toBeVisible({ timeout: 15_000 });
        }
        await clearFaults();
        const created = await declaredNamed(name);
        recordFault({ fault: c.fault, action: 'declare', saw, dataLost, duplicates: Math.max(0, created.length - 1), recovered: created.length === 1 });
        expect(saw).toMatch(c.expected);
        expect(dataLost).toBe(0);
        expect(created).toHaveLength(1);
      });
    }
  });

  test('lookup, status change, Copilot and the list under faults keep what was typed and recover', async ({ panel, worker }) => {
    await connectAndOpenIncidents(panel);
    const find = panel.getByRole('textbox', { name: 'Find incident' });

    await test.step('404', async () => {
      await find.fill('INC-999');
      await panel.getByRole('button', { name: 'Find' }).click();
      const saw = await alertText(panel.getByRole('alert'));
      const dataLost = Number((await find.inputValue()) !== 'INC-999');
      await find.fill('INC-131');
      await panel.getByRole('button', { name: 'Find' }).click();
      await expect(panel.getByRole('heading', { level: 2 })).toBeVisible();
      recordFault({ fault: '404', action: 'find INC-999', saw, dataLost, duplicates: 0, recovered: true });
      expect(saw).toMatch(/Incident not found: confirm the incident ID is correct\. incident\.io IDs look like INC-123\./);
      expect(dataLost).toBe(0);
    });

    const status = panel.getByRole('combobox', { name: 'Status' });
    const updatesFor = async (text: string) => {
      const res = await fetch(`${sandbox.url}/v2/incident_updates?incident_id=${(await sandbox.incidents()).incidents.find((i) => i.reference === 'INC-131')?.id}`, {
        headers: { authorization: `Bearer ${KEYS.full}` },
      });
      return ((await res.json()) as { incident_updates: { message?: string }[] }).incident_updates.filter((u) => u.message?.includes(text)).length;
    };
    for (const [fault, faults, word, statusName] of [
      ['503 on a status change (edits are not retried)', [{ ...EDIT, status: 503 }], 'monitoring', 'Monitoring'],
      ['status change dropped after incident.io applied it', [{ ...EDIT, kind: 'drop_after', times: EVERY_RESEND }], 'active', 'Investigating'],
    ] as const) {
      await test.step(fault, async () => {
        const before = await updatesFor(`Status changed to ${statusName}`);
        await status.selectOption({ label: word });
        await sandbox.faults([...faults]);
        await panel.getByRole('button', { name: 'Update status' }).click();
        const saw = await alertText(panel.getByRole('form', { name: 'Change status' }).getByRole('alert'));
        const dataLost = Number((await status.inputValue()) !== `word:${word}`);
        await clearFaults();
        const currentStatus = async () => (await sandbox.incidents()).incidents.find((i) => i.reference === 'INC-131')?.incident_status.name;
        // When incident.io applied it before the answer was lost, the panel shows so by itself; else the agent retries.
        const applied = (await currentStatus()) === statusName;
        if (!applied) await panel.getByRole('button', { name: 'Update status' }).click();
        await expect.poll(currentStatus).toBe(statusName);
        await expect(panel.getByRole('article').getByRole('definition').filter({ hasText: `${statusName} (` })).toBeVisible();
        if (!applied) await expect(panel.getByRole('form', { name: 'Change status' }).getByRole('alert')).toBeHidden();
        const duplicates = (await updatesFor(`Status changed to ${statusName}`)) - before - 1;
        recordFault({ fault, action: `status → ${word}`, saw, dataLost, duplicates, recovered: true });
        expect(dataLost).toBe(0);
        expect(duplicates).toBe(0);
      });
    }

    await test.step('500 on a Copilot lookup', async () => {
      const box = panel.getByRole('textbox', { name: 'Ask Copilot' });
      await sandbox.faults([{ method: 'GET', path: '^/v2/incidents/\\d+$', status: 500, times: 3 }]);
      await box.fill('show INC-131');
      await box.press('Enter');
      const saw = await alertText(panel.getByRole('region', { name: 'Copilot' }).getByRole('alert'));
      await box.press('ArrowUp');
      const dataLost = Number((await box.inputValue()) !== 'show INC-131');
      await clearFaults();
      await box.press('Enter');
      await expect(panel.getByRole('region', { name: 'Copilot' }).getByText(/INC-131 .* is/)).toBeVisible();
      recordFault({ fault: '500 on a Copilot lookup', action: 'ask "show INC-131"', saw, dataLost, duplicates: 0, recovered: true });
      expect(saw).toMatch(/HTTP 500/);
      expect(dataLost).toBe(0);
    });

    await test.step('502 on the open-incident list', async () => {
      await panel.getByRole('button', { name: /Back to incidents/ }).click();
      const rows = panel.getByRole('region', { name: 'Open incidents' }).getByRole('button', { name: /INC-\d+/ });
      await expect(rows.first()).toBeVisible();
      const shown = await rows.count();
      await sandbox.faults([{ method: 'GET', path: '^/v2/incidents$', status: 502, times: 3 }]);
      await panel.getByRole('button', { name: 'Refresh' }).click();
      const saw = await alertText(panel.getByRole('alert'));
      const dataLost = shown - (await rows.count());
      await clearFaults();
      // Recovery by itself: the next scheduled poll succeeds and the panel drops the stale error.
      const poll = () => worker.evaluate(() => (globalThis as unknown as { __incidentCopilotTest: { pollOnce(): Promise<string> } }).__incidentCopilotTest.pollOnce());
      expect(await poll()).toBe('polled');
      await expect(panel.getByRole('alert')).toBeHidden();
      recordFault({ fault: '502 on the open-incident list', action: 'refresh the list', saw, dataLost, duplicates: 0, recovered: true });
      expect(saw).toMatch(/HTTP 502/);
      expect(dataLost).toBe(0);
    });
  });

  test('the service worker stopped mid-create and mid-poll, the panel closed mid-request', async ({ context, panel, extensionId }) => {
    test.setTimeout(90_000);
    await connect(panel, KEYS.full);
    await expect(panel.getByText(/Connected as/)).toBeVisible();
    const cdp = await context.newCDPSession(panel);
    await cdp.send('ServiceWorker.enable');
    const createArrived = () => expect.poll(async () => (await sandbox.requests()).requests.filter((r) => r.method === 'POST' && r.path === '/v2/incidents').length).toBeGreaterThan(0);

    await test.step('service worker stopped mid-create', async () => {
      const name = 'Worker stopped mid-create';
      await typeDraft(panel, name, 'Declared while the worker dies');
      await sandbox.clearRequests();
      // incident.io takes 2.5 s and creates the incident even though nobody is left to hear the answer.
      await sandbox.faults([{ ...CREATE, latencyMs: 2500 }]);
      await panel.getByRole('button', { name: 'Declare', exact: true }).click();
      await createArrived();
      await cdp.send('ServiceWorker.stopAllWorkers');
      const saw = await alertText(declareForm(panel).getByRole('alert'));
      const dataLost = await draftLoss(panel, name, 'Declared while the worker dies');
      await expect.poll(async () => (await declaredNamed(name)).length, { timeout: 10_000 }).toBe(1);
      await panel.getByRole('button', { name: 'Declare', exact: true }).click();
      await expect(panel.getByRole('status').filter({ hasText: /INC-\d+ declared/ })).toBeVisible();
      const created = await declaredNamed(name);
      recordFault({ fault: 'service worker stopped mid-create', action: 'declare', saw, dataLost, duplicates: created.length - 1, recovered: true });
      expect(dataLost).toBe(0);
      expect(created).toHaveLength(1);
    });

    await test.step('side panel closed and reopened mid-request', async () => {
      const name = 'Panel closed mid-create';
      await typeDraft(panel, name, 'Closed the panel while declaring');
      await sandbox.clearRequests();
      await sandbox.faults([{ ...CREATE, latencyMs: 2000 }]);
      await panel.getByRole('button', { name: 'Declare', exact: true }).click();
      await createArrived();
      await panel.close();
      const reopened = await context.newPage();
      await reopened.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      await reopened.getByRole('tab', { name: 'Declare' }).click();
      const dataLost = await draftLoss(reopened, name, 'Closed the panel while declaring');
      await expect.poll(async () => (await declaredNamed(name)).length, { timeout: 10_000 }).toBe(1);
      await reopened.getByRole('button', { name: 'Declare', exact: true }).click();
      const saw = await alertText(reopened.getByRole('status').filter({ hasText: /INC-\d+ declared/ }));
      const created = await declaredNamed(name);
      expect(saw).toContain(created[0]?.reference ?? 'missing');
      recordFault({ fault: 'side panel closed and reopened mid-request', action: 'declare, close, reopen', saw: `draft still there; Declare again → ${saw}`, dataLost, duplicates: created.length - 1, recovered: true });
      expect(dataLost).toBe(0);
      expect(created).toHaveLength(1);

      await test.step('service worker stopped mid-poll', async () => {
        const poll = (w: Worker) => w.evaluate(() => (globalThis as unknown as { __incidentCopilotTest: { pollOnce(): Promise<string> } }).__incidentCopilotTest.pollOnce());
        await sandbox.call('POST', 'incidents', { name: 'Declared while the poller died', severity: 'Critical' });
        await sandbox.clearRequests();
        await sandbox.faults([{ method: 'GET', path: '^/v2/incidents$', latencyMs: 2000 }]);
        const [worker] = context.serviceWorkers();
        const dying = poll(worker!).catch((error: unknown) => `worker gone (${String(error).split('\n')[0]})`);
        await expect.poll(async () => (await sandbox.requests()).requests.some((r) => r.method === 'GET' && r.path === '/v2/incidents')).toBe(true);
        const cdp2 = await context.newCDPSession(reopened);
        await cdp2.send('ServiceWorker.enable');
        await cdp2.send('ServiceWorker.stopAllWorkers');
        const first = await dying;
        // Any message wakes the worker again; the next poll (alarm or refresh) catches up.
        await reopened.getByRole('tab', { name: 'Incidents' }).click();
        await reopened.getByRole('button', { name: 'Refresh' }).click();
        await expect(reopened.getByText('Declared while the poller died')).toBeVisible({ timeout: 15_000 });
        await expect(reopened.getByRole('alert')).toBeHidden();
        recordFault({ fault: 'service worker stopped mid-poll', action: 'poll, then refresh', saw: `poll: ${first}; after refresh the new incident is listed`, dataLost: 0, duplicates: 0, recovered: true });
      });
    });
  });

  test('the browser restarted with a draft open keeps the draft', async () => {
    const profile = mkdtempSync(path.join(os.tmpdir(), 'copilot-restart-'));
    const launch = () => chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, viewport: { width: 420, height: 900 },
      args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, ...QUIET_CHROMIUM_ARGS],
    });
    const openPanel = async (context: BrowserContext) => {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const page = await context.newPage();
      await page.goto(`chrome-extension://${new URL(worker.url()).host}/sidepanel.html`);
      return { page, worker };
    };
    const name = 'Browser restarted mid-draft';
    const summary = 'Typed, then Chrome was closed';
    try {
      await sandbox.reset();
      const first = await launch();
      const { page, worker } = await openPanel(first);
      await connect(page, KEYS.full);
      await expect(page.getByText(/Connected as/)).toBeVisible();
      await typeDraft(page, name, summary);
      await expect.poll(() => worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get('declareDraft')))).toContain(summary);
      await first.close();

      const second = await launch();
      try {
        const { page: again } = await openPanel(second);
        await again.getByRole('tab', { name: 'Declare' }).click();
        const dataLost = await draftLoss(again, name, summary);
        await again.getByRole('button', { name: 'Declare', exact: true }).click();
        const saw = await alertText(again.getByRole('status').filter({ hasText: /INC-\d+ declared/ }));
        const created = await declaredNamed(name);
        recordFault({ fault: 'browser restarted with a draft open', action: 'type, quit Chrome, relaunch', saw: `draft restored; Declare → ${saw}`, dataLost, duplicates: created.length - 1, recovered: true });
        expect(dataLost).toBe(0);
        expect(created).toHaveLength(1);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
