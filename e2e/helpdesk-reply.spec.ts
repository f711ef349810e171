import type { Page, Worker } from '@playwright/test';
import { expect, openDesk, openInPanel, servedUrl, type ServedFixture, strip, test } from './helpdesk-fixtures';

/** One fixture per editor framework the desks use (CKEditor 4 is RT's, in helpdesk-rt.spec.ts). */
const EDITORS: { fixture: ServedFixture; kind: string; editor: string; selfHosted?: boolean }[] = [
  { fixture: 'zendesk', kind: 'CKEditor 5', editor: '[data-test-id="omnicomposer-rich-text-ckeditor"]' },
  { fixture: 'intercom', kind: 'ProseMirror', editor: '[data-conversation-reply-composer] .ProseMirror' },
  { fixture: 'helpscout', kind: 'Slate', editor: '[data-slate-editor]' },
  { fixture: 'freshdesk', kind: 'Froala', editor: '.fr-element' },
  { fixture: 'gorgias', kind: 'Draft.js', editor: '.public-DraftEditor-content' },
  { fixture: 'hubspot', kind: 'contenteditable', editor: '[data-test-id="reply-editor"] [contenteditable]' },
  { fixture: 'front', kind: 'contenteditable', editor: '[aria-label="Message body"]' },
  { fixture: 'zammad', kind: 'contenteditable', editor: '.content.active .articleNewEdit-body', selfHosted: true },
  { fixture: 'freescout', kind: 'Summernote', editor: '.note-editable', selfHosted: true },
  { fixture: 'osticket', kind: 'Redactor', editor: '[aria-label="Response"]', selfHosted: true },
  { fixture: 'generic', kind: 'textarea', editor: '#comment-body', selfHosted: true },
];

/** INC-123 has a status page incident: the reply is in its public words and ends with the page's URL. */
const UPDATE = /Update on "Card payments failing in Europe": We have identified a configuration change at our payment provider and are rolling it back\. Card payments may still fail for some customers\. \(Posted \d\d:\d\d UTC(?: on [^)]+)?\.\) Follow updates at https:\/\/status\.acme\.example\//;

/** Self-hosted desks run the content script only once enabled (the e2e build holds their host permission). */
async function enable(worker: Worker, url: string) {
  await worker.evaluate(async (url) => {
    const hooks = (globalThis as unknown as { __incidentCopilotTest: { enableSite(url: string): Promise<string[]> } }).__incidentCopilotTest;
    await hooks.enableSite(url);
  }, url);
}

async function editorText(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : el.textContent ?? ''));
}

test.describe('Insert status update: the customer-safe text lands in each desk’s reply editor and reads back', () => {
  for (const { fixture, kind, editor, selfHosted } of EDITORS) {
    test(`${fixture} (${kind})`, async ({ context, panel, worker }) => {
      if (selfHosted) await enable(worker, servedUrl(fixture));
      const page = await openDesk(context, fixture);
      await expect(strip(page)).toBeVisible();
      await openInPanel(panel, 'INC-123');
      const reply = panel.getByRole('region', { name: 'Reply to the customer' });
      await reply.getByRole('button', { name: 'Insert status update' }).click();
      await expect(reply.getByRole('status')).toContainText('Status update inserted into the reply');
      expect(await editorText(page, editor)).toMatch(UPDATE);
      // Text, never markup: the editor holds no element the update could have brought in.
      expect(await page.locator(editor).evaluate((el) => el.querySelectorAll('a, script, img, b, strong').length)).toBe(0);
    });
  }

  test('no reply editor open: the panel says so and puts the update on the clipboard', async ({ context, panel }) => {
    const page = await openDesk(context, 'zendesk');
    await expect(strip(page)).toBeVisible();
    await page.evaluate(() => document.querySelector('#editor-view')?.remove()); // the agent closed the composer
    await openInPanel(panel, 'INC-123');
    const reply = panel.getByRole('region', { name: 'Reply to the customer' });
    await reply.getByRole('button', { name: 'Insert status update' }).click();
    await expect(reply.getByRole('status')).toContainText('No reply editor is open on this page');
    await expect(reply.getByRole('status')).toContainText('The update was copied to the clipboard');
    // Reading the clipboard back needs a permission extension pages can't be granted here: paste it instead.
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('textarea'), { id: 'paste-target' })));
    await page.locator('#paste-target').focus();
    await page.keyboard.press('Control+V');
    await expect(page.locator('#paste-target')).toHaveValue(UPDATE);
  });

  test('a private incident offers no customer update', async ({ context, panel }) => {
    await openDesk(context, 'zendesk');
    await openInPanel(panel, 'INC-128');
    await expect(panel.getByRole('region', { name: 'Reply to the customer' })).toContainText('no status update to share with customers');
    await expect(panel.getByRole('button', { name: 'Insert status update' })).toHaveCount(0);
  });
});
