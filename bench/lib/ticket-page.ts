import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHelpdeskServer } from '../../e2e/helpdesk/https-server';
import { fixtureHtml } from '../../lib/helpdesk/fixtures/load-fixture';
import { startSandbox } from '../../sandbox/server';

/** Zendesk's message markup, as in the saved fixture. */
const MESSAGE_START = '<article data-test-id="omni-log-comment-item">';
const LOG_END = /(<div data-test-id="omni-log-container"[^>]*>)([\s\S]*?)(\n\s*<\/div>\n\s*<div id="editor-view">)/;
/** One message in this many mentions an incident. */
export const MENTION_EVERY = 10;
const REFS = ['INC-123', 'INC-131', 'INC-133', 'INC-9999'];
const SENTENCES = [
  'Hi team, checkout still fails for some of our customers in Germany.',
  'We cleared the cache and retried, same error after the card step.',
  'Thanks for the update, we will keep an eye on the status page.',
  'Could you confirm whether exports are affected as well?',
  'Attaching the request ids from this morning: 7f3a, 91bc, 0d22.',
];

/** Text of the n-th generated message (1-based): every MENTION_EVERY-th names an incident. */
export function messageText(n: number): string {
  const body = Array.from({ length: 1 + (n % 3) }, (_, i) => SENTENCES[(n + i) % SENTENCES.length]).join(' ');
  return n % MENTION_EVERY === 0 ? `${body} Is this related to ${REFS[(n / MENTION_EVERY) % REFS.length]}?` : body;
}

function message(n: number): string {
  const sender = n % 2 === 0 ? 'Sam Agent' : 'Alice Example';
  return `${MESSAGE_START}<strong data-test-id="omni-log-item-sender">${sender}</strong>`
    + `<div data-test-id="omni-log-message-content"><p>${messageText(n)}</p></div></article>`;
}

/** The saved Zendesk ticket with its conversation replaced by `count` generated messages. */
export function zendeskTicketWithMessages(count: number): string {
  const html = fixtureHtml('zendesk');
  if (!LOG_END.test(html)) throw new Error('The Zendesk fixture no longer has the conversation log the bench expects');
  const messages = Array.from({ length: count }, (_, i) => message(i + 1)).join('\n');
  return html.replace(LOG_END, (_m, open: string, _old: string, close: string) => `${open}\n${messages}${close}`);
}

/** Appends one more message to the open ticket, as the desk does when a reply arrives (runs in the page). */
export function appendMessage(text: string): void {
  const log = document.querySelector('[data-test-id="omni-log-container"]');
  const last = log?.lastElementChild;
  if (!log || !last) throw new Error('No conversation log on the page');
  const next = last.cloneNode(true) as Element;
  const content = next.querySelector('[data-test-id="omni-log-message-content"]');
  if (content) content.innerHTML = `<p>${text}</p>`;
  log.append(next);
}

/** The sandbox and a desk server serving one `messages`-long Zendesk ticket (bench/*-content.ts tools). */
export async function serveTicket(messages: number) {
  const url = `https://acme.zendesk.com/agent/tickets/${messages}`;
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ticket-')), 'ticket.html');
  writeFileSync(file, zendeskTicketWithMessages(messages));
  const sandbox = await startSandbox({ port: 0 });
  const desk = await startHelpdeskServer({ routes: { [url]: file } });
  return { url, sandbox, desk, close: async () => { await desk.close(); await sandbox.close(); } };
}
