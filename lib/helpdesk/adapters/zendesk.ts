import { capture, documentTitle, firstMatch, firstText, matchList, perTask } from '../dom';
import type { HelpdeskAdapter } from '../types';
import { buildTicket } from '../ticket';

const ACTIVE_PANE = [
  '[data-is-active="true"]', // Agent Workspace: the open ticket tab's panel
  '.ticket-panes-grid-layout.active', // pre-2023 workspace
];
const SUBJECT = [
  'input[data-test-id="omni-header-subject"]', // Agent Workspace (read .value)
  '[data-test-id="ticket-pane-subject"]', // legacy ticket pane
];
const MESSAGES = [
  '[data-test-id="omni-log-message-content"]', // Agent Workspace conversation log
  '.zd-comment', // legacy comment bodies
];
const EDITOR = [
  '[contenteditable="true"][data-test-id="omnicomposer-rich-text-ckeditor"]', // CKEditor 5 composer
  '#editor-view .ck-editor__editable', // composer area, test-id renamed
  '#editor-view [contenteditable="true"]',
];

/**
 * Zendesk keeps every open ticket tab in the DOM; only the active one belongs to the URL. The
 * active marker must wrap ticket content (tab buttons can carry the same attribute).
 */
const CONTENT = [...SUBJECT, ...MESSAGES, ...EDITOR].join(', ');
/** Both markers in one query: each query walks the whole document (a long ticket's thousands of nodes). */
const ANY_ACTIVE_PANE = ACTIVE_PANE.join(', ');
/**
 * The pane found last, kept while it is still the active one with ticket content: that walk costs
 * 0.5 ms on a 2,000-message ticket, and a page load asks in several tasks (the ticket, its messages,
 * its composer). A tab switch moves the marker to another pane, and the walk runs again.
 */
let lastPane: Element | null = null;
function findActivePane(doc: Document): Document | Element {
  if (lastPane?.ownerDocument === doc && lastPane.isConnected && lastPane.matches(ANY_ACTIVE_PANE) && lastPane.querySelector(CONTENT)) return lastPane;
  lastPane = null;
  for (const pane of doc.querySelectorAll(ANY_ACTIVE_PANE)) {
    if (pane.querySelector(CONTENT)) return (lastPane = pane);
  }
  return doc;
}
/** Every adapter call asks for the pane; one lookup serves a whole task (the agent can't switch tabs mid-task). */
const activePane = perTask(findActivePane);

/** The reply composer with its toolbar and send row: the extension's UI stays clear of it. */
const COMPOSER = ['#editor-view', '[data-test-id="omnicomposer-rich-text-ckeditor"]'];
const SEND = ['[data-test-id="submit_button-button"]', 'footer [type="submit"]'];

export const zendesk: HelpdeskAdapter = {
  id: 'zendesk',
  name: 'Zendesk',
  matches: ['https://*.zendesk.com/agent/*'],
  selfHosted: false,
  ticketIdFromUrl: (url) => capture(url.pathname, /^\/agent\/tickets\/(\d+)/),
  detect: (doc) => doc.querySelector([...SUBJECT, ...MESSAGES, ...EDITOR].join(', ')) !== null,
  readTicket(doc, url) {
    const id = zendesk.ticketIdFromUrl(url);
    if (!id) return null;
    const subject = firstText(activePane(doc), SUBJECT) || documentTitle(doc, /\s*[-–|]\s*[^-–|]*Zendesk.*$/i);
    return buildTicket(zendesk, { id, subject, url: `${url.origin}/agent/tickets/${id}` }, 'zendesk_ticket');
  },
  messageList: (doc) => matchList(activePane(doc), MESSAGES),
  findReplyEditor: (doc, { firstEditor }) => firstEditor(activePane(doc), EDITOR),
  composerArea: (doc) => firstMatch(activePane(doc), COMPOSER),
  sendButton: (doc) => firstMatch(activePane(doc), SEND),
  requesterScope: activePane,
};

/* Test URLs
https://acme.zendesk.com/agent/tickets/48213
https://acme.zendesk.com/agent/tickets/48213/events
*/
