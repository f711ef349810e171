import { capture, documentTitle, firstMatch, firstText, matchList } from '../dom';
import type { HelpdeskAdapter } from '../types';
import { buildTicket } from '../ticket';
import { GENERIC_MESSAGES, GENERIC_SUBJECT } from './generic';

/** The reply composer with its toolbar and send row: the extension's UI stays clear of it. */
const COMPOSER = ['.TicketReplyEditor'];
const SEND = ['.TicketReplyEditor > button:last-of-type'];

/**
 * No public selectors are known for Gorgias (helpdesk.md): its URL identifies the ticket, the rest
 * is generic discovery (ARIA, headings, the largest reply editor) until a fixture from the live app
 * says otherwise.
 */

export const gorgias: HelpdeskAdapter = {
  id: 'gorgias',
  name: 'Gorgias',
  matches: ['https://*.gorgias.com/app/*'],
  selfHosted: false,
  ticketIdFromUrl: (url) => capture(url.pathname, /^\/app\/ticket\/(\d+)/, /^\/app\/views\/\d+\/(\d+)/),
  detect: () => false,
  readTicket(doc, url) {
    const id = gorgias.ticketIdFromUrl(url);
    if (!id) return null;
    const subject = firstText(doc, GENERIC_SUBJECT) || documentTitle(doc, /\s*[-–|]\s*[^-–|]*Gorgias.*$/i);
    return buildTicket(gorgias, { id, subject, url: `${url.origin}/app/ticket/${id}` });
  },
  messageList: (doc) => matchList(doc, GENERIC_MESSAGES),
  findReplyEditor: (doc, { largestReplyEditor }) => largestReplyEditor(doc),
  composerArea: (doc) => firstMatch(doc, COMPOSER),
  sendButton: (doc) => firstMatch(doc, SEND),
};

/* Test URLs
https://acme.gorgias.com/app/ticket/30917254
https://acme.gorgias.com/app/views/118823/30917254
*/
