import { capture, documentTitle, firstMatch, firstText, matchList } from '../dom';
import type { HelpdeskAdapter } from '../types';
import { buildTicket } from '../ticket';

const SUBJECT = [
  '[data-testid="ticket-subject"]',
  '.ticket-subject-heading',
];
const MESSAGES = [
  '.text__content', // the description (.ticket-description) and every reply
];
const EDITOR = [
  // Froala; it only exists after the agent clicks Reply (button[data-test-id="ticket-action-reply"]).
  '.fr-element.fr-view[contenteditable="true"]',
  '.fr-element[contenteditable="true"]',
];

/** The reply composer with its toolbar and send row: the extension's UI stays clear of it. */
const COMPOSER = ['.reply-editor', '.fr-box'];
const SEND = ['[data-test-id="send-reply"]', '.reply-editor [type="submit"]'];

export const freshdesk: HelpdeskAdapter = {
  id: 'freshdesk',
  name: 'Freshdesk',
  matches: ['https://*.freshdesk.com/a/*'],
  selfHosted: false,
  ticketIdFromUrl: (url) => capture(url.pathname, /^\/a\/tickets\/(\d+)/),
  detect: (doc) => doc.querySelector([...SUBJECT, ...MESSAGES].join(', ')) !== null,
  readTicket(doc, url) {
    const id = freshdesk.ticketIdFromUrl(url);
    if (!id) return null;
    const subject = firstText(doc, SUBJECT) || documentTitle(doc, /\s*[-–|:]\s*[^-–|:]*Freshdesk.*$/i);
    return buildTicket(freshdesk, { id, subject, url: `${url.origin}/a/tickets/${id}` });
  },
  messageList: (doc) => matchList(doc, MESSAGES),
  findReplyEditor: (doc, { firstEditor }) => firstEditor(doc, EDITOR),
  composerArea: (doc) => firstMatch(doc, COMPOSER),
  sendButton: (doc) => firstMatch(doc, SEND),
};

/* Test URLs
https://acme.freshdesk.com/a/tickets/7734
https://acme.freshdesk.com/a/tickets/7734?current_tab=details
*/
