import { capture, documentTitle, firstMatch, firstText, matchList } from '../dom';
import type { HelpdeskAdapter } from '../types';
import { buildTicket } from '../ticket';

const ANCHORS = [
  'body#comp-Ticket-Display',
  'body#comp-Ticket-Update',
  'body[id^="comp-Ticket-"]', // History, Modify…
];
const TITLE = ['#header h1']; // "#1: subject"; on the reply page "Update ticket #1: subject"
const MESSAGES = [
  // History arrives by AJAX into #delayed_ticket_history; callers observe mutations.
  '.history-container .transaction[data-transaction-id] .messagebody',
  '.transaction .message-stanza',
];
const EDITOR = [
  'iframe.cke_wysiwyg_frame', // CKEditor 4 (classic, iframe)
  'textarea#UpdateContent', // plain-text mode
  'textarea[name="UpdateContent"]',
];

/** The reply composer with its toolbar and send row: the extension's UI stays clear of it. */
const COMPOSER = ['form#TicketUpdate', 'form[name="TicketUpdate"]'];
const SEND = ['input[name="SubmitTicket"]', 'form#TicketUpdate [type="submit"]'];

export const requestTracker: HelpdeskAdapter = {
  id: 'request-tracker',
  name: 'RT',
  matches: [],
  selfHosted: true,
  // RT links separate query parameters with ';', which URLSearchParams does not split on.
  ticketIdFromUrl: (url) => (/\/Ticket\/\w+\.html$/.test(url.pathname) ? capture(url.search, /[?&;]id=(\d+)/) : null),
  detect: (doc) => doc.querySelector(ANCHORS.join(', ')) !== null,
  readTicket(doc, url) {
    const id = requestTracker.ticketIdFromUrl(url);
    if (!id) return null;
    // Debian's default WebPath is /rt; whatever precedes /Ticket/ is the install's web path.
    const webPath = url.pathname.slice(0, url.pathname.indexOf('/Ticket/'));
    const subject = (firstText(doc, TITLE) || documentTitle(doc)).replace(/^(?:[^#]*?)#\d+:\s*/, '');
    return buildTicket(requestTracker, { id, subject, url: `${url.origin}${webPath}/Ticket/Display.html?id=${id}` });
  },
  messageList: (doc) => matchList(doc, MESSAGES),
  findReplyEditor: (doc, { firstEditor }) => firstEditor(doc, EDITOR),
  composerArea: (doc) => firstMatch(doc, COMPOSER),
  sendButton: (doc) => firstMatch(doc, SEND),
};

/* Test URLs
http://127.0.0.1:8080/Ticket/Display.html?id=1
http://127.0.0.1:8080/Ticket/Update.html?Action=Respond;id=1
https://rt.example.org/rt/Ticket/Update.html?Action=Comment;id=1
*/
