import type { Page, Worker } from '@playwright/test';
import { ALL_IN_ONE, HOSTILE, HUGE, installXssTrap, XSS_MARK } from './data/hostile';
import { connectAndOpenIncidents, expect, sandbox, test } from './fixtures';

/**
 * Hostile text in every incident field the side panel and notifications show (names, summaries,
 * updates, severities, a 100 kB name) is rendered as text: nothing runs, nothing is injected.
 */

const HOSTILE_SEVERITY = `<b ${XSS_MARK}>SEV0</b>‮ onerror=xss(1)`;

/** Everything a payload could have done in the panel, as counts: all must be 0. */
async function injected(page: Page) {
  return page.evaluate((mark) => ({
    marked: document.querySelectorAll(`[${mark}]`).length,
    javascriptHrefs: [...document.querySelectorAll('[href], [src], [action], [formaction]')].filter((el) =>
      ['href', 'src', 'action', 'formaction'].some((attr) => /^\s*javascript:/i.test(el.getAttribute(attr) ?? ''))).length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((attr) => /^on/i.test(attr.name))).length,
    frames: document.querySelectorAll('iframe, object, embed').length,
    executed: (window as unknown as { __xssHits: string[] }).__xssHits.length,
  }), XSS_MARK);
}

const clean = { marked: 0, javascriptHrefs: 0, handlers: 0, frames: 0, executed: 0 };

async function seedHostileOrg() {
  await sandbox.call('POST', 'severities', { name: HOSTILE_SEVERITY });
  for (const sample of HOSTILE) {
    await sandbox.call('POST', 'incidents', { name: sample.text, summary: ALL_IN_ONE, severity: HOSTILE_SEVERITY });
  }
  const { incident } = await sandbox.call<{ incident: { reference: string } }>('POST', 'incidents', { name: HUGE, summary: HUGE });
  for (const sample of HOSTILE) await sandbox.call('POST', `incidents/${incident.reference}/updates`, { message: sample.text });
  return incident.reference;
}

const pollOnce = (worker: Worker) =>
  worker.evaluate(() => (globalThis as unknown as { __incidentCopilotTest: { pollOnce(): Promise<string> } }).__incidentCopilotTest.pollOnce());

test.describe('Hostile incident data is inert', () => {
  test('in the side panel list, detail, timeline and Copilot answers', async ({ panel }) => {
    const dialogs: string[] = [];
    panel.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await panel.addInitScript(installXssTrap);
    await panel.reload();
    const hugeRef = await seedHostileOrg();
    await connectAndOpenIncidents(panel);

    const list = panel.getByRole('region', { name: 'Open incidents' });
    await list.getByRole('textbox', { name: 'Filter incidents' }).fill('xss(');
    for (const sample of HOSTILE.filter((s) => s.text.includes('xss('))) {
      await expect(list.getByText(sample.text, { exact: true }), sample.label).toBeVisible();
    }
    expect(await injected(panel)).toEqual(clean);

    await list.getByRole('textbox', { name: 'Filter incidents' }).fill('');
    await panel.getByRole('textbox', { name: 'Find incident' }).fill(hugeRef);
    await panel.getByRole('button', { name: 'Find' }).click();
    const article = panel.getByRole('article');
    await expect(article).toContainText(hugeRef);
    for (const sample of HOSTILE) await expect(article.getByText(sample.text, { exact: true }).first(), sample.label).toBeAttached();
    // A 100 kB name doesn't push the controls out of reach.
    const update = panel.getByRole('button', { name: 'Update status' });
    await update.scrollIntoViewIfNeeded();
    const box = await update.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 420).toBe(true);
    expect(await injected(panel)).toEqual(clean);

    const ask = panel.getByRole('textbox', { name: 'Ask Copilot' });
    await ask.fill('any incidents about script?');
    await ask.press('Enter');
    await expect(panel.getByRole('region', { name: 'Copilot' }).getByText(/open incident/)).toBeVisible();
    expect(await injected(panel)).toEqual(clean);
    expect(dialogs).toEqual([]);
  });

  test('in notifications: plain-text "basic" notifications carrying the text as it is', async ({ panel, worker }) => {
    await connectAndOpenIncidents(panel);
    expect(await pollOnce(worker)).toBe('polled');
    await worker.evaluate(() => {
      const g = globalThis as unknown as { __shown: unknown[] };
      g.__shown = [];
      const create = chrome.notifications.create.bind(chrome.notifications) as (id: string, options: unknown) => Promise<string>;
      (chrome.notifications as unknown as { create: unknown }).create = (id: string, options: unknown) => {
        g.__shown.push(options);
        return create(id, options);
      };
    });
    const sample = HOSTILE[1]!;
    await sandbox.call('POST', 'incidents', { name: sample.text, severity: 'Critical' });
    expect(await pollOnce(worker)).toBe('polled');
    const shown = await worker.evaluate(() => (globalThis as unknown as { __shown: Record<string, unknown>[] }).__shown);
    expect(shown).toHaveLength(1);
    const [options] = shown;
    expect(options).toMatchObject({ type: 'basic' });
    expect(Object.keys(options!).sort()).toEqual(expect.arrayContaining(['iconUrl', 'message', 'title', 'type']));
    // Notification text is never parsed as markup by Chrome; the payload arrives verbatim, not "cleaned".
    expect(`${String(options!.title)} ${String(options!.message)}`).toContain(sample.text.slice(0, 40));
    expect(String(options!.iconUrl)).not.toMatch(/^(javascript|data|https?):/i);
  });
});
