import type { Page } from '@playwright/test';
import { armSend, expect, openDesk, sent, SERVED_FIXTURES, type ServedFixture, servedUrl, strip, test } from './helpdesk-fixtures';

/** Each desk's own Send/Submit button, by its accessible name (none of the extension's buttons share one). */
const SEND: Record<ServedFixture, string> = {
  zendesk: 'Submit as Open', 'zendesk-multipane': 'Submit as Open', intercom: 'Send', freshdesk: 'Send', hubspot: 'Send',
  helpscout: 'Send', front: 'Send', gorgias: 'Send', zammad: 'Update', freescout: 'Send Reply', osticket: 'Post Reply',
  generic: 'Send',
};
/** Its only reference is in an internal note, and "Refund not received" shares no words with the open incidents. */
const WITHOUT_SUGGESTIONS = new Set<ServedFixture>(['zendesk-multipane']);
/** Desks on their own domain: the content script runs once the site is enabled (the e2e build holds the permission). */
const SELF_HOSTED = new Set<ServedFixture>(['zammad', 'freescout', 'osticket', 'generic']);
const SIZES = [{ width: 1280, height: 720 }, { width: 1400, height: 900 }];

test.describe('The extension’s UI never covers the desk’s own Send/Submit button', () => {
  test('every desk fixture at 1280×720 and 1400×900, with the UI shown and collapsed to its pill', async ({ context, panel, worker }) => {
    void panel;
    test.setTimeout(240_000); // one browser for 12 desks × 2 sizes on a shared machine
    const pill = (page: Page) => page.getByRole('button', { name: 'Incident Copilot', exact: true });
    for (const desk of SERVED_FIXTURES) {
      if (SELF_HOSTED.has(desk)) {
        await worker.evaluate(async (url) => {
          const hooks = (globalThis as unknown as { __incidentCopilotTest: { enableSite(url: string): Promise<string[]> } }).__incidentCopilotTest;
          await hooks.enableSite(url);
        }, servedUrl(desk));
      }
      const page = await openDesk(context, desk);
      await expect(strip(page), `${desk}: the strip`).toBeVisible();
      await armSend(page, SEND[desk]);
      for (const size of SIZES) {
        await test.step(`${desk} at ${size.width}×${size.height}`, async () => {
          await page.setViewportSize(size);
          await expect(strip(page)).toBeVisible();
          // Expanded with everything the ticket gets, so the dock is at its largest.
          if (!WITHOUT_SUGGESTIONS.has(desk)) await expect(page.getByRole('region', { name: 'Suggested incidents' })).toBeVisible();
          await expect(pill(page)).toHaveAttribute('aria-expanded', 'true');
          await page.evaluate(() => ((window as typeof window & { sent?: number }).sent = 0));
          const send = page.getByRole('button', { name: SEND[desk], exact: true });

          // Expanded (strip and suggestions open): the actionability check fails if our UI intercepts the click.
          await send.click({ timeout: 5_000 });
          expect(await sent(page)).toBe(1);

          // Collapsed to the pill, by keyboard (a real button with aria-expanded).
          await pill(page).focus();
          await page.keyboard.press('Enter');
          await expect(pill(page)).toHaveAttribute('aria-expanded', 'false');
          await expect(strip(page)).toBeHidden();
          await send.click({ timeout: 5_000 });
          expect(await sent(page)).toBe(2);

          await pill(page).click();
          await expect(pill(page)).toHaveAttribute('aria-expanded', 'true');
          await expect(strip(page)).toBeVisible();
        });
      }
      await page.close();
    }
  });
});
