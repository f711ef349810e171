// What a content script's MutationObserver costs per new message before it does any work of its
// own: floor scripts that each look at the added nodes a little more, measured as the bench's
// per-message figure is (10 appended messages on the 2,000-message ticket, DevTools script time)
// and shown against the one whose observer does O(1) work. A tool for the budget argument in the
// README (`npx tsx bench/observer-floors.ts`), not a benchmark: one run, no budget.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHelpdeskServer } from '../e2e/helpdesk/https-server';
import { type BenchBrowser, instrumentedPage, launch, scriptMs, sleep } from './lib/browser';
import { run } from './lib/in-browser';
import { summarize } from './lib/stats';
import { appendMessage, messageText, zendeskTicketWithMessages } from './lib/ticket-page';

const REPS = Number(process.env.REPS ?? 4);
const NEW_MESSAGES = 10;
/** As the bench: longer than a 100 ms batching window, so each message is one batch. */
const MESSAGE_GAP_MS = 130;

const observer = (body: string) => `chrome.runtime.sendMessage({ type: 'hello', payload: document.title }).catch(() => undefined);
const live = /inc-\\d/i;
let seen = 0;
const io = new IntersectionObserver((entries) => { for (const e of entries) io.unobserve(e.target); }, { rootMargin: '100% 0px' });
new MutationObserver((records) => { ${body} }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });`;

/** From least to most: each reads a little more of what the observer reported. */
const FLOORS: Record<string, string> = {
  'O(1): counts the batch': observer('seen += 1;'),
  'reads each record’s target': observer('for (const r of records) seen += r.target.nodeType;'),
  'touches each added node': observer('for (const r of records) for (const node of r.addedNodes) seen += node.nodeType;'),
  'reads each added node’s text (the bench’s reading floor)': observer('for (const r of records) for (const node of r.addedNodes) live.test(node.textContent ?? "");'),
  'hands each added element to an IntersectionObserver': observer('for (const r of records) for (const node of r.addedNodes) if (node.nodeType === 1) io.observe(node);'),
};

const dir = mkdtempSync(path.join(tmpdir(), 'observer-floors-'));
const url = 'https://acme.zendesk.com/agent/tickets/2000';
const page = path.join(dir, 'ticket.html');
writeFileSync(page, zendeskTicketWithMessages(2000));
const desk = await startHelpdeskServer({ routes: { [url]: page } });
const browsers: [string, BenchBrowser][] = [];
try {
  for (const [i, [name, script]] of Object.entries(FLOORS).entries()) {
    const ext = path.join(dir, `floor-${i}`);
    mkdirSync(ext);
    writeFileSync(path.join(ext, 'manifest.json'), JSON.stringify({
      manifest_version: 3, name: `observer floor ${i}`, version: '1', background: { service_worker: 'background.js' },
      content_scripts: [{ matches: ['https://*.zendesk.com/agent/*'], js: ['content.js'], run_at: 'document_idle' }],
    }));
    writeFileSync(path.join(ext, 'background.js'), 'chrome.runtime.onMessage.addListener((_m, _s, reply) => reply({ ok: true }));');
    writeFileSync(path.join(ext, 'content.js'), script);
    browsers.push([name, await launch({ extensionDir: ext, args: desk.chromiumArgs })]);
  }
  const perMessage = new Map<string, number[]>();
  // Interleaved, so drifting machine load hits every floor alike.
  for (let rep = 0; rep < REPS; rep++) {
    for (const [name, browser] of browsers) {
      const tab = await instrumentedPage(browser.context);
      await tab.page.goto(url, { waitUntil: 'load' });
      await sleep(700);
      const before = scriptMs(await tab.metrics());
      for (let n = 1; n <= NEW_MESSAGES; n++) {
        await run(tab.page, appendMessage, messageText(n));
        await sleep(MESSAGE_GAP_MS);
      }
      await sleep(700);
      perMessage.set(name, [...(perMessage.get(name) ?? []), (scriptMs(await tab.metrics()) - before) / NEW_MESSAGES]);
      await tab.page.close();
    }
  }
  const o1 = summarize(perMessage.values().next().value!).median;
  console.log(`script time per new message, median of ${REPS} (page script included, the same for every floor):`);
  for (const [name, values] of perMessage) {
    const { median, min, max } = summarize(values);
    console.log(`  ${median.toFixed(3)} ms (${min.toFixed(3)}–${max.toFixed(3)}), O(1) + ${(median - o1).toFixed(3)}  ${name}`);
  }
} finally {
  for (const [, browser] of browsers) await browser.close();
  await desk.close();
}
