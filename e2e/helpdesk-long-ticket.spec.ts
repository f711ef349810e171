import { card, deskPage, expect, strip, test, textCenter } from './helpdesk-fixtures';

/**
 * Long tickets: the content script reads only the messages near the viewport and the ones that
 * arrive, so a 2,000-message ticket works like a short one. Its main-thread cost is measured by
 * `npm run bench` (budgets live there, not in timed tests).
 */
const LOG = '[role="log"]';

/** Every 100th message names an incident: INC-123, INC-131 or INC-133 in turn. */
function message(i: number): string {
  const ref = i % 100 === 0 ? ` This looks like INC-${[123, 131, 133][(i / 100) % 3]}.` : '';
  return `<article data-test-id="omni-log-comment-item"><strong>Customer ${i}</strong><div data-test-id="omni-log-message-content"><p>Message ${i}: the checkout page shows an error after the card step, please advise.${ref}</p><p>Sent from my phone</p></div></article>`;
}

function longTicket(messages: number): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Long ticket – Zendesk</title></head><body>
<section data-test-id="ticket-panel" data-is-active="true"><input data-test-id="omni-header-subject" value="A very long ticket">
<div data-test-id="omni-log-container" role="log">${Array.from({ length: messages }, (_, i) => message(i)).join('')}</div>
<div id="editor-view"><div class="ck-editor__editable" contenteditable="true" data-test-id="omnicomposer-rich-text-ckeditor"><p><br></p></div></div>
</section></body></html>`;
}

test('a 2,000-message ticket: references near the viewport live at once, the rest as they scroll into view', async ({ context, panel }) => {
  void panel;
  const page = await deskPage(context);
  const url = 'https://acme.zendesk.com/agent/tickets/52000';
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: longTicket(2_000) }));
  await page.goto(url);
  await expect(strip(page)).toBeVisible();
  const mentioned = strip(page).getByRole('group', { name: 'Incidents mentioned on this page' });
  await expect(mentioned).toContainText('INC-123'); // message 0, in view
  await expect(mentioned).not.toContainText('INC-133'); // messages 200 and 2,000, far below

  // 200 new messages arrive at the bottom; the page keeps working and nothing far away is read.
  await page.evaluate(({ log, html }) => document.querySelector(log)!.insertAdjacentHTML('beforeend', html), {
    log: LOG, html: Array.from({ length: 200 }, (_, i) => message(2_000 + i)).join(''),
  });
  await expect(mentioned).not.toContainText('INC-133');

  // Scrolled into view, a reference comes alive with its hover card.
  const at = await textCenter(page, `${LOG} > article:nth-child(2001)`, 'INC-133');
  await page.mouse.move(at.x, at.y);
  await expect(card(page)).toContainText('INC-133: Intermittent 500s on file uploads');
  await expect(mentioned).toContainText('INC-133');
});
