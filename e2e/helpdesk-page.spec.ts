import type { Page } from '@playwright/test';
import { card, expect, openDesk, readActiveTab, strip, test, textCenter } from './helpdesk-fixtures';

const mentioned = (page: Page) => strip(page).getByRole('group', { name: 'Incidents mentioned on this page' });

test.describe('Help-desk pages: navigation, live updates and trust', () => {
  test('Zendesk multi-pane: the active pane is the ticket, and an in-app switch to the other tab is followed', async ({ context, panel, worker }) => {
    void panel;
    const page = await openDesk(context, 'zendesk-multipane');
    await expect(mentioned(page)).toContainText('INC-456');
    await expect(mentioned(page)).not.toContainText('INC-123'); // the hidden pane's reference
    expect((await readActiveTab(worker))?.ticket).toMatchObject({ id: '48230', subject: 'Refund not received' });

    // What Zendesk's router does: new URL, the other pane becomes active; both stay in the DOM.
    await page.evaluate(() => {
      history.pushState({}, '', '/agent/tickets/48213');
      const [first, second] = document.querySelectorAll('[data-test-id="ticket-panel"]');
      first!.setAttribute('data-is-active', 'true');
      second!.setAttribute('data-is-active', 'false');
    });
    await expect(mentioned(page)).toContainText('INC-123');
    await expect(mentioned(page)).not.toContainText('INC-456');
    expect((await readActiveTab(worker))?.ticket).toMatchObject({ id: '48213', subject: 'Checkout failing for EU customers' });
  });

  test('a message arriving later gets a live reference; nothing is written into the page’s own DOM', async ({ context, panel }) => {
    void panel;
    const page = await openDesk(context, 'intercom');
    await expect(strip(page)).toBeVisible();
    await page.evaluate(() => {
      const part = document.createElement('div');
      part.dataset.partGroupId = '92001';
      part.innerHTML = '<div class="interblocks-html"><p>Now the database is slow too: INC-131.</p></div>';
      document.querySelector('[data-testid="conversation-stream-scroll-container"]')!.append(part);
    });
    await expect(mentioned(page)).toContainText('INC-131');
    const stream = '[data-testid="conversation-stream-scroll-container"]';
    const before = await page.locator(stream).innerHTML();
    const at = await textCenter(page, '[data-part-group-id="92001"]', 'INC-131');
    await page.mouse.move(at.x, at.y);
    await expect(card(page)).toContainText('INC-131: Database latency in eu-west-1');
    await expect(card(page)).toContainText('Investigating · Major');
    expect(await page.locator(stream).innerHTML()).toBe(before);
  });

  test('a private incident never reaches the page: its reference is "not found" and its name appears nowhere', async ({ context, panel }) => {
    void panel;
    const page = await openDesk(context, 'zendesk');
    await expect(strip(page)).toBeVisible();
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'private-mention';
      p.textContent = 'Our security team mentioned INC-128.';
      document.querySelector('[data-test-id="omni-log-message-content"]')!.append(p);
    });
    await expect(mentioned(page)).toContainText('INC-128');
    const at = await textCenter(page, '#private-mention', 'INC-128');
    await page.mouse.move(at.x, at.y);
    await expect(card(page)).toContainText('Incident not found');
    const ui = page.locator('incident-copilot-ui');
    await expect(ui).not.toContainText('Suspicious login attempts');
  });

  test('the page’s own scripts cannot press the strip’s buttons', async ({ context, panel, worker }) => {
    void panel;
    const page = await openDesk(context, 'zendesk');
    await expect(strip(page)).toBeVisible();
    const pressed = await page.evaluate(() => {
      const buttons = document.querySelector('incident-copilot-ui')!.shadowRoot!.querySelectorAll('button');
      for (const button of buttons) if (button.getAttribute('aria-label') !== 'Dismiss for this ticket') button.click();
      return buttons.length;
    });
    expect(pressed).toBeGreaterThan(3);
    await page.waitForTimeout(500);
    expect(await worker.evaluate(() => chrome.storage.session.get('panelIntent'))).toEqual({});
    await expect(strip(page).locator('[role="status"]')).toHaveText('');
  });
});
