import { capture, documentTitle, firstMatch, firstText, matchList } from '../dom';
import type { HelpdeskAdapter } from '../types';
import { buildTicket } from '../ticket';

const VIEWER = [
  '[data-testid^="viewer-"]', // the open conversation
];
const SUBJECT = [
  '[data-searchable-subject="true"] span',
  '[data-searchable-subject="true"]',
  '[class*="conversationHeader__StyledContainer"] [role="heading"]', // prefixes: hashes change per deploy
];
const MESSAGES = [
  '[class*="messageHtml__StyledHtmlDiv"]', // message bodies
  '[class*="messageViewerBase__StyledMessageDiv"]',
  '[role="article"]',
];

const viewer = (doc: Document) => doc.querySelector(VIEWER.join(', ')) ?? doc;

/** The reply composer with its toolbar and send row: the extension's UI stays clear of it. */
const COMPOSER = ['[class^="composer__StyledComposer"]', '[aria-label="Reply composer"]'];
const SEND = ['[class^="composer__StyledComposer"] > button:last-of-type', '[aria-label="Reply composer"] > button:last-of-type'];

/** Front's composer framework is unverified (helpdesk.md): the editor is discovered, not named. */

export const front: HelpdeskAdapter = {
  id: 'front',
  name: 'Front',
  // Covers app.frontapp.com and company subdomains.
  matches: ['https://*.frontapp.com/*'],
  selfHosted: false,
  ticketIdFromUrl: (url) => capture(url.pathname, /\/(cnv_[a-z0-9]+)/i),
  detect: (doc) => doc.querySelector([...VIEWER, '[data-testid="topbarMoreButton"]'].join(', ')) !== null,
  readTicket(doc, url) {
    const id = front.ticketIdFromUrl(url);
    if (!id) return null;
    const subject = firstText(viewer(doc), SUBJECT) || documentTitle(doc, /\s*[-–|]\s*[^-–|]*Front.*$/i);
    // /open/<id> is Front's deep link: it opens the conversation in whatever inbox holds it.
    return buildTicket(front, { id, subject, url: `${url.origin}/open/${id}` });
  },
  messageList: (doc) => matchList(viewer(doc), MESSAGES),
  findReplyEditor: (doc, { largestReplyEditor }) => largestReplyEditor(viewer(doc)) ?? largestReplyEditor(doc),
  composerArea: (doc) => firstMatch(viewer(doc), COMPOSER),
  sendButton: (doc) => firstMatch(viewer(doc), SEND),
};

/* Test URLs
https://app.frontapp.com/open/cnv_8h3k2p1
https://app.frontapp.com/inboxes/teammates/7712/inbox/open/0/cnv_8h3k2p1
https://acme.frontapp.com/inboxes/shared/support/open/cnv_8h3k2p1
*/
