import { capture, documentTitle, firstMatch, firstText, matchList } from '../dom';
import type { HelpdeskAdapter } from '../types';
import { buildTicket } from '../ticket';

const ACTIVE_TAB = [
  '.content.active', // Zammad keeps every open ticket tab rendered
];
const ANCHORS = ['.ticketZoom-header', '.ticketZoom-controls', '.ticket-title-update', '.articleNewEdit-body'];
const SUBJECT = [
  '.ticket-title-update', // contenteditable h1
  '.ticketZoom-header h1',
];
const NUMBER = ['.ticket-number'];
const MESSAGES = [
  '.textBubble-content .richtext-content',
  '[id^="article-content-"]',
  '.textBubble-content',
];
const EDITOR = [
  '.articleNewEdit-body[contenteditable="true"][data-name="body"]',
  '[data-name="body"][contenteditable="true"]',
];

const activeTab = (doc: Document) => doc.querySelector(ACTIVE_TAB.join(', ')) ?? doc;

/** The reply composer with its toolbar and send row: the extension's UI stays clear of it. */
const COMPOSER = ['.article-add', '.article-new'];
const SEND = ['.ticketZoom-controls button'];

export const zammad: HelpdeskAdapter = {
  id: 'zammad',
  name: 'Zammad',
  matches: [],
  selfHosted: true,
  // Classic UI routes by hash; the beta desktop and mobile UIs by path. All carry the internal id.
  ticketIdFromUrl: (url) => capture(url.hash, /^#ticket\/zoom\/(\d+)/) ?? capture(url.pathname, /\/(?:desktop|mobile)\/tickets\/(\d+)/),
  detect: (doc) => doc.querySelector(ANCHORS.join(', ')) !== null,
  readTicket(doc, url) {
    const id = zammad.ticketIdFromUrl(url);
    if (!id) return null;
    const tab = activeTab(doc);
    const base = url.pathname.replace(/(?:desktop|mobile)\/tickets\/.*$/, '');
    const displayNumber = firstText(tab, NUMBER).replace(/^#\s*/, '') || undefined;
    const subject = firstText(tab, SUBJECT) || documentTitle(doc);
    return buildTicket(zammad, { id, subject, displayNumber, url: `${url.origin}${base}#ticket/zoom/${id}` });
  },
  messageList: (doc) => matchList(activeTab(doc), MESSAGES),
  findReplyEditor: (doc, { firstEditor }) => firstEditor(activeTab(doc), EDITOR),
  composerArea: (doc) => firstMatch(activeTab(doc), COMPOSER),
  sendButton: (doc) => firstMatch(activeTab(doc), SEND),
  requesterScope: activeTab,
};

/* Test URLs
https://support.example.org/#ticket/zoom/412
https://support.example.org/#ticket/zoom/412/1877
https://support.example.org/desktop/tickets/412
*/
