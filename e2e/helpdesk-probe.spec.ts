import { test } from './helpdesk-fixtures';
import { expect } from './fixtures';

test('probe', async ({ context }) => {
  const page = await context.newPage();
  const msg = (i: number) => `<article><div data-test-id="omni-log-message-content"><p>Message ${i}: the checkout page shows an error after the card step.${i % 100 === 0 ? ' INC-123.' : ''}</p><p>Sent</p></div></article>`;
  await page.route('https://acme.zendesk.com/agent/tickets/50001', (r) => r.fulfill({ contentType: 'text/html', body: `<section data-is-active="true"><div role="log">${Array.from({ length: 2000 }, (_, i) => msg(i)).join('')}</div></section>` }));
  await page.goto('https://acme.zendesk.com/agent/tickets/50001');
  const r = await page.evaluate(() => {
    const t: Record<string, number> = {};
    for (let run = 0; run < 3; run++) {
      let s = performance.now();
      const roots = document.querySelectorAll('[data-test-id="omni-log-message-content"]');
      t[`qsa${run}`] = performance.now() - s; s = performance.now();
      const x = document.evaluate(".//text()[contains(translate(., 'INC', 'inc'), 'inc-')]", document.documentElement, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
      t[`xpath${run}`] = performance.now() - s; s = performance.now();
      const x2 = document.evaluate(".//text()[contains(., 'INC-') or contains(., 'inc-') or contains(., 'Inc-')]", document.documentElement, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
      t[`xpath2_${run}`] = performance.now() - s; s = performance.now();
      const tw = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT); let c = 0; const re = /inc-\d/i;
      for (let n = tw.nextNode(); n; n = tw.nextNode()) if (re.test((n as Text).data)) c++;
      t[`walker${run}`] = performance.now() - s; s = performance.now();
      let c2 = 0; for (const r of roots) if (re.test(r.textContent!)) c2++;
      t[`roottext${run}`] = performance.now() - s; s = performance.now();
      t[`c${run}`] = c + c2 + x2.snapshotLength * 0;
      const w = new WeakSet(); for (const r of roots) w.add(r);
      t[`weak${run}`] = performance.now() - s; s = performance.now();
      const bt = document.body.textContent; t[`bodytext${run}`] = performance.now() - s;
      t[`n${run}`] = x.snapshotLength + bt.length * 0;
    }
    return t;
  });
  console.log('PROBE', JSON.stringify(r));
  expect(1).toBe(1);
});
