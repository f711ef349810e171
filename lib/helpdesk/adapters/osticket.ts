import { capture, documentTitle, firstMatch, firstText, matchList } from '../dom';
import type { EditorFinders, HelpdeskAdapter } from '../types';
import { buildTicket } from '../ticket';

const ANCHORS = ['#ticket_thread', 'form#reply', 'h2 a[href^="tickets.php?id="]', '.tixTitle'];
const NUMBER = [
  'h2 a[href^="tickets.php?id="]', // "Ticket #123456"
  '.flush-left h2 a',
];
const SUBJECT = ['.tixTitle h3', '.tixTitle'];
const MESSAGES = [
  '#ticket_thread .thread-body', // staff view
  '#ticketThread .thread-body', // client portal
  '#ticket_thread',
];

/**
 * Redactor replaces textarea#response with a contenteditable sibling whose class changed across
 * Redactor majors, so look for the editable inside the textarea's box instead of naming it.
 */
function redactorFor(doc: Document, textareaSelector: string, { firstEditor }: EditorFinders): Element | null {
  const textarea = doc.querySelector(textareaSelector);
  const box = textarea?.closest('.redactor-box') ?? textarea?.parentElement;
  return box ? firstEditor(box, ['[contenteditable="true"]']) : null;
}

/** The reply composer with its toolbar and send row: the extension's UI stays clear of it. */
const COMPOSER = ['form#reply'];
const SEND = ['form#reply [type="submit"]'];

export const osticket: HelpdeskAdapter = {
  id: 'osticket',
  name: 'osTicket',
  matches: [],
  selfHosted: true,
  // Staff /scp/tickets.php?id=<internal id>; client /tickets.php?id=…
  ticketIdFromUrl: (url) => (url.pathname.endsWith('/tickets.php') ? capture(url.search, /[?&;]id=(\d+)/) : null),
  detect: (doc) => doc.querySelector(ANCHORS.join(', ')) !== null,
  readTicket(doc, url) {
    const id = osticket.ticketIdFromUrl(url);
    if (!id) return null;
    const displayNumber = capture(firstText(doc, NUMBER), /#\s*(\w+)/) ?? undefined;
    const subject = firstText(doc, SUBJECT) || documentTitle(doc);
    return buildTicket(osticket, { id, subject, displayNumber, url: `${url.origin}${url.pathname}?id=${id}` });
  },
  messageList: (doc) => matchList(doc, MESSAGES),
  // Public reply (not #internal_note); a plain textarea when rich text is turned off.
  findReplyEditor: (doc, editors) => redactorFor(doc, 'textarea#response', editors) ?? editors.firstEditor(doc, ['form#reply [contenteditable="true"]', 'textarea#response']),
  composerArea: (doc) => firstMatch(doc, COMPOSER),
  sendButton: (doc) => firstMatch(doc, SEND),
};

/* Test URLs
https://support.example.org/scp/tickets.php?id=58
https://support.example.org/tickets.php?id=58
*/
