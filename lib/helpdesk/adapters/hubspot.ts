import { capture, firstMatch, firstText, matchList } from '../dom';
import type { HelpdeskAdapter } from '../types';
import { buildTicket } from '../ticket';
import { GENERIC_MESSAGES } from './generic';

const APP_ROOT = [
  '[data-application-name="svh-help-desk"]', // help desk workspace
];
const SUBJECT = [
  '[data-test-id="ticket-header-name-link"]', // help desk ticket header
  '[data-selenium-test="highlightTitle"]', // ticket record page
  '[data-test-id="record-highlight-main-content"] [role="heading"]',
  '[role="heading"][aria-level="1"]',
];

const appRoot = (doc: Document) => doc.querySelector(APP_ROOT.join(', ')) ?? doc;

/** The reply composer with its toolbar and send row: the extension's UI stays clear of it. */
const COMPOSER = ['[data-test-id="reply-editor"]'];
const SEND = ['[data-test-id="reply-editor-send-button"]', '[data-test-id="reply-editor"] > button:last-of-type'];

/**
 * HubSpot renames its test-ids often and its thread and composer markup is unverified
 * (helpdesk.md), so messages and the editor come from ARIA and generic discovery inside the app.
 */

export const hubspot: HelpdeskAdapter = {
  id: 'hubspot',
  name: 'HubSpot',
  matches: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
  selfHosted: false,
  ticketIdFromUrl: (url) => capture(url.pathname, /\/ticket\/(\d+)/, /\/record\/0-5\/(\d+)/),
  detect: (doc) => doc.querySelector(APP_ROOT.join(', ')) !== null,
  readTicket(doc, url) {
    const id = hubspot.ticketIdFromUrl(url);
    if (!id) return null;
    // The ticket record (object type 0-5) is the one URL that opens the ticket from any view.
    const portal = capture(url.pathname, /^\/(?:help-desk|contacts)\/(\d+)\//);
    const canonical = portal ? `${url.origin}/contacts/${portal}/record/0-5/${id}` : `${url.origin}${url.pathname}`;
    return buildTicket(hubspot, { id, subject: firstText(appRoot(doc), SUBJECT), url: canonical });
  },
  messageList: (doc) => matchList(appRoot(doc), GENERIC_MESSAGES),
  findReplyEditor: (doc, { largestReplyEditor }) => largestReplyEditor(appRoot(doc)),
  composerArea: (doc) => firstMatch(appRoot(doc), COMPOSER),
  sendButton: (doc) => firstMatch(appRoot(doc), SEND),
};

/* Test URLs
https://app.hubspot.com/help-desk/4410592/view/all-open/ticket/18822910457
https://app-eu1.hubspot.com/help-desk/25518732/view/search/ticket/18822910457/thread/7731
https://app.hubspot.com/contacts/4410592/record/0-5/18822910457
*/
