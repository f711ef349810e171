import type { BrowserContext, Page, Worker } from '@playwright/test';
import { backgroundWorker, connect, expect, launchWithExtension, sandbox, withSandbox } from './fixtures';
import { deskPage, openInPanel, servedUrl, strip } from './helpdesk-fixtures';
import { startHelpdeskServer } from './helpdesk/https-server';
import { editorVersion, REAL_EDITOR_DESKS, type RealEditorDesk, realEditorRoutes } from './helpdesk/real-editors';

// The reply lands in the desks' real editor engines (issue 13 §2), read back from each engine's own
// model, never the DOM. One browser, one desk server and one connected panel serve every desk.

interface Shared { context: BrowserContext; worker: Worker; panel: Page }

const test = withSandbox.extend<object, { shared: Shared }>({
  shared: [
    async ({ sandboxServer }, use) => {
      void sandboxServer; // started first: the panel connects to it
      const desk = await startHelpdeskServer({ routes: await realEditorRoutes() });
      await sandbox.reset();
      const context = await launchWithExtension(desk.chromiumArgs);
      const worker = await backgroundWorker(context);
      const panel = await context.newPage();
      await panel.goto(`chrome-extension://${new URL(worker.url()).host}/sidepanel.html`);
      await connect(panel);
      await expect(panel.getByText(/Connected as/)).toBeVisible();
      await use({ context, worker, panel });
      await context.close();
      await desk.close();
    },
    { scope: 'worker', timeout: 180_000 }, // a first run installs and bundles the engines
  ],
});

const UPDATE = 'Update on "Card payments failing in Europe"';
const AGENT = 'Hi Alice, thanks for waiting.';

declare global {
  interface Window { __realEditor?: { engine: string; ready: boolean; modelText(): string } }
}

const modelText = (page: Page) => page.evaluate(() => window.__realEditor!.modelText());
const updatesIn = (text: string) => text.split(UPDATE).length - 1;

async function openRealDesk({ context, worker }: Shared, desk: RealEditorDesk): Promise<Page> {
  if (desk.selfHosted) {
    await worker.evaluate(async (url) => {
      const hooks = (globalThis as unknown as { __incidentCopilotTest: { enableSite(url: string): Promise<string[]> } }).__incidentCopilotTest;
      await hooks.enableSite(url);
    }, servedUrl(desk.fixture));
  }
  const page = await deskPage(context);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(servedUrl(desk.fixture));
  await page.waitForFunction(() => window.__realEditor?.ready === true, null, { timeout: 15_000 }).catch(() => {
    throw new Error(`${desk.engine} did not mount on ${desk.fixture}: ${errors.join('; ') || 'no page error'}`);
  });
  return page;
}

test.describe('Insert status update into the desks’ real editor engines', () => {
  for (const desk of REAL_EDITOR_DESKS) {
    test(`${desk.fixture}: ${desk.engine} ${editorVersion(desk.pkg)}`, async ({ shared }) => {
      const page = await openRealDesk(shared, desk);
      const editor = page.locator(desk.live);
      const send = page.getByRole('button', { name: desk.sendName, exact: true });
      try {
        // A DOM-only change, as an extension writing innerHTML would make: the engines that keep
        // their own model don't take it (so reading the model back can tell), ProseMirror and
        // Summernote read the DOM back by design.
        await editor.evaluate((el) => { el.innerHTML += '<p>DOM only edit</p>'; });
        await page.waitForTimeout(300); // past a redraw (slate-react: ~50 ms), a frame and the engines' observers
        if (desk.rejectsDomEdits) {
          expect(await modelText(page)).not.toContain('DOM only edit');
          await expect(send).toBeDisabled();
        } else {
          expect(await modelText(page)).toContain('DOM only edit');
        }
        await page.reload();
        await page.waitForFunction(() => window.__realEditor?.ready === true);
        await expect(strip(page)).toBeVisible();

        // The agent's own words, typed with real keystrokes, then the update from the panel.
        await editor.click();
        await page.keyboard.type(AGENT);
        await expect.poll(() => modelText(page)).toContain(AGENT);
        await shared.panel.reload(); // the list with its lookup box, whatever the last desk left open
        await openInPanel(shared.panel, 'INC-123');
        const reply = shared.panel.getByRole('region', { name: 'Reply to the customer' });
        await reply.getByRole('button', { name: 'Insert status update' }).click();
        await expect(reply.getByRole('status')).toContainText('Status update inserted into the reply');
        await page.waitForTimeout(300); // a late second insert (the Slate double insert) would show by now
        const model = await modelText(page);
        expect(updatesIn(model), model).toBe(1);
        expect(model).toContain(AGENT);
        expect(model.indexOf(AGENT)).toBeLessThan(model.indexOf(UPDATE));
        await expect(send).toBeEnabled();

        // One undo takes the insertion out of the model again.
        await editor.focus();
        await page.keyboard.press('Control+z');
        await expect.poll(async () => updatesIn(await modelText(page))).toBe(0);
        if (desk.undoKeepsTyping) expect(await modelText(page)).toContain(AGENT);
      } finally {
        await page.close();
      }
    });
  }
});
