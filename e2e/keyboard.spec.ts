import type { Locator, Page } from '@playwright/test';
import { KEYS, sandbox } from './fixtures';
import { expect, openDesk, sandboxIncident, strip, test } from './helpdesk-fixtures';

// Issue 13 §4: the agent's path without a mouse. Only Tab, arrows, letters and Enter; after each step
// focus is where a screen-reader user continues, and the outcome is in a live region.

/** Whether `target` has focus (inside a shadow root too). */
const hasFocus = (target: Locator) =>
  target.evaluate((el) => {
    const root = el.getRootNode() as Document | ShadowRoot;
    return root.activeElement === el && (root === document || document.activeElement === (root as ShadowRoot).host);
  });

/** Presses Tab (Shift+Tab when `back`) until `target` has focus, as a keyboard user moves. */
async function tabTo(page: Page, target: Locator, { back = false, max = 40 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await hasFocus(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${max} presses of Tab never reached ${target}`);
}

/** The ticket linked to INC-123 in incident.io beforehand, so the strip offers its update. */
async function linkTicket(externalId: string) {
  const incident = await sandboxIncident('INC-123');
  const res = await fetch(`${sandbox.url}/v1/incident_attachments`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${KEYS.full}`, 'content-type': 'application/json' },
    body: JSON.stringify({ incident_id: incident.id, resource: { resource_type: 'zendesk_ticket', external_id: externalId } }),
  });
  if (!res.ok) throw new Error(`link: HTTP ${res.status} ${await res.text()}`);
}

test('keyboard only: find an incident, change its status, declare one, insert an update from the strip', async ({ context, panel, worker }) => {
  test.setTimeout(240_000); // the whole path in one test (slow on a loaded 2-core machine)
  await linkTicket('48213');
  const page = await openDesk(context, 'zendesk');
  await expect(strip(page)).toBeVisible();

  // The panel opens from the keyboard: Chrome assigned both shortcuts (it silently refuses one that
  // is its own, as Alt+Shift+P is); machine/toolbar-click.spec.ts presses Alt+Shift+O for real.
  const shortcuts = await worker.evaluate(async () => Object.fromEntries((await chrome.commands.getAll()).map((c) => [c.name, c.shortcut])));
  expect(shortcuts).toMatchObject({ _execute_action: 'Alt+Shift+O', 'quick-declare': 'Alt+Shift+D' });
  // It opens with focus in its first field.
  await panel.bringToFront();
  await panel.reload();
  await expect(panel.getByRole('textbox', { name: 'Ask Copilot' })).toBeFocused();

  // Find: focus moves to the incident's title.
  await tabTo(panel, panel.getByRole('textbox', { name: 'Find incident' }));
  await panel.keyboard.type('INC-131');
  await panel.keyboard.press('Enter');
  const detail = panel.getByRole('article');
  await expect(detail).toContainText('INC-131');
  await expect(detail.getByRole('heading', { level: 2 })).toBeFocused();

  // Status: typed to the option, sent with Enter; the result is announced and focus is back on the
  // (reset) status choice, never dropped to the page.
  const status = panel.getByRole('combobox', { name: 'Status' });
  await tabTo(panel, status);
  await panel.keyboard.press('m'); // a closed <select> jumps to the first option starting with "m": monitoring
  await expect(status).toHaveValue('word:monitoring');
  const update = panel.getByRole('button', { name: 'Update status' });
  await tabTo(panel, update);
  await panel.keyboard.press('Enter');
  await expect(panel.getByRole('form', { name: 'Change status' }).getByRole('status').filter({ hasText: 'INC-131 is now Monitoring' })).toBeVisible();
  await expect(status).toBeFocused();

  // Declare: back to the tab list, arrow to Declare, fill and send; focus lands on the announced result.
  await tabTo(panel, panel.getByRole('tab', { name: 'Incidents' }), { back: true });
  await panel.keyboard.press('ArrowRight');
  await expect(panel.getByRole('tab', { name: 'Declare' })).toBeFocused();
  await expect(panel.getByRole('tab', { name: 'Declare' })).toHaveAttribute('aria-selected', 'true');
  await tabTo(panel, panel.getByRole('textbox', { name: 'Name' }));
  await panel.keyboard.type('Keyboard only');
  await tabTo(panel, panel.getByRole('textbox', { name: 'Summary' }));
  await panel.keyboard.type('Declared without a mouse.');
  await tabTo(panel, panel.getByRole('button', { name: 'Declare', exact: true }));
  await panel.keyboard.press('Enter');
  const declared = panel.getByRole('status').filter({ hasText: /INC-\d+ declared/ });
  await expect(declared).toBeFocused();

  // The strip: Tab into it from the page, insert the linked incident's update; the strip says so and
  // focus is in the reply, after the update, to go on writing.
  await page.bringToFront();
  const insert = strip(page).getByRole('button', { name: 'Insert update for INC-123' });
  await tabTo(page, insert);
  await page.keyboard.press('Enter');
  await expect(strip(page).getByRole('status')).toHaveText('Status update for INC-123 inserted into the reply.');
  const reply = page.getByRole('textbox', { name: 'Public reply composer' });
  await expect(reply).toContainText('Update on "Card payments failing in Europe"');
  await expect(reply).toBeFocused();
});
