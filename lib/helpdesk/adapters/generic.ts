import { capture, documentTitle, firstText, matchList } from '../dom';
import type { HelpdeskAdapter } from '../types';
import { buildTicket } from '../ticket';

/** An id has at least one digit, so /tickets/new and /conversations/open are not tickets. */
const ID = '([A-Za-z0-9_-]*\\d[A-Za-z0-9_-]*)';
const PATH_ID = new RegExp(`/(?:tickets?|conversations?)/${ID}`, 'i');
const QUERY_ID = /[?&;]id=(\d+)/;
const HASH_ID = /^#ticket\/zoom\/(\d+)/;

export const GENERIC_SUBJECT = [
  '[role="heading"][aria-level="1"]',
  'h1',
];
export const GENERIC_MESSAGES = [
  '[role="article"]',
  'article',
  '[role="main"]',
  'main',
];

/** The ticket id and a canonical URL keeping only the part of the URL that carried the id. */
function locate(url: URL): { id: string; canonical: string } | null {
  const pathMatch = PATH_ID.exec(url.pathname);
  if (pathMatch?.[1]) {
    const end = pathMatch.index + pathMatch[0].length;
    return { id: pathMatch[1], canonical: `${url.origin}${url.pathname.slice(0, end)}` };
  }
  const queryId = capture(url.search, QUERY_ID);
  if (queryId) return { id: queryId, canonical: `${url.origin}${url.pathname}?id=${queryId}` };
  const hashId = capture(url.hash, HASH_ID);
  if (hashId) return { id: hashId, canonical: `${url.origin}${url.pathname}#ticket/zoom/${hashId}` };
  return null;
}

/** Unknown desks: a ticket-like URL, the page's main heading and the largest visible reply editor. */
export const generic: HelpdeskAdapter = {
  id: 'generic',
  name: 'Help desk',
  matches: [],
  selfHosted: true,
  ticketIdFromUrl: (url) => locate(url)?.id ?? null,
  // Markup proves no particular desk; the registry picks this adapter by URL shape alone.
  detect: () => false,
  readTicket(doc, url) {
    const found = locate(url);
    if (!found) return null;
    const subject = firstText(doc, GENERIC_SUBJECT) || documentTitle(doc);
    return buildTicket(generic, { id: found.id, subject, url: found.canonical });
  },
  messageList: (doc) => matchList(doc, GENERIC_MESSAGES),
  findReplyEditor: (doc, { largestReplyEditor }) => largestReplyEditor(doc),
  // An unknown desk's reply is a form around its editor, sent by the form's submit button.
  composerArea: (doc, { largestReplyEditor }) => largestReplyEditor(doc)?.closest('form') ?? largestReplyEditor(doc),
  sendButton: (doc, { largestReplyEditor }) => largestReplyEditor(doc)?.closest('form')?.querySelector('[type="submit"]') ?? null,
};

/* Test URLs
https://support.example.org/tickets/4411
https://desk.example.org/app/conversations/c-93a1
https://helpdesk.example.org/view.php?id=87
https://desk.example.org/#ticket/zoom/87
*/
