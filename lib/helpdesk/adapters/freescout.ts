import { capture, firstMatch, firstText, matchList } from '../dom';
import type { HelpdeskAdapter } from '../types';
import { buildTicket } from '../ticket';

const ANCHORS = ['body.body-conv[data-conversation_id]', '#conv-layout-main'];
const SUBJECT = ['.conv-subjtext'];
const NUMBER = ['.conv-numnav strong'];
const MESSAGES = [
  '#conv-layout-main .thread .thread-content',
  '#conv-layout-main .thread', // #thread-<id>
];
const EDITOR = [
  // Summernote on textarea#body, inside .conv-reply-block (hidden until Reply is clicked).
  '.conv-reply-block .note-editable[contenteditable="true"]',
  '.note-editable[contenteditable="true"]',
  'textarea#body',
];

/** The reply composer with its toolbar and send row: the extension's UI stays clear of it. */
const COMPOSER = ['.conv-reply-block', '#form-reply'];
const SEND = ['#form-reply [type="submit"]'];

export const freescout: HelpdeskAdapter = {
  id: 'freescout',
  name: 'FreeScout',
  matches: [],
  selfHosted: true,
  ticketIdFromUrl: (url) => capture(url.pathname, /\/conversation\/(\d+)/),
  detect: (doc) => doc.querySelector(ANCHORS.join(', ')) !== null,
  readTicket(doc, url) {
    const id = freescout.ticketIdFromUrl(url);
    if (!id) return null;
    // Installs may live under a sub-path; folder_id and other query parts are view state.
    const prefix = url.pathname.slice(0, url.pathname.indexOf('/conversation/'));
    const displayNumber = firstText(doc, NUMBER).replace(/^#\s*/, '') || undefined;
    return buildTicket(freescout, { id, subject: firstText(doc, SUBJECT), displayNumber, url: `${url.origin}${prefix}/conversation/${id}` });
  },
  messageList: (doc) => matchList(doc, MESSAGES),
  findReplyEditor: (doc, { firstEditor }) => firstEditor(doc, EDITOR),
  composerArea: (doc) => firstMatch(doc, COMPOSER),
  sendButton: (doc) => firstMatch(doc, SEND),
};

/* Test URLs
https://help.example.org/conversation/1207?folder_id=3
https://example.org/freescout/conversation/1207
*/
