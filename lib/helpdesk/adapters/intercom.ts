import { capture, firstMatch, firstText, matchList } from '../dom';
import type { HelpdeskAdapter } from '../types';
import { buildTicket } from '../ticket';

const CONVERSATION = [
  '[data-testid="conversation-stream-scroll-container"]', // the open conversation's stream
];
const TITLE = [
  '[data-inbox-conversation-header-title]',
];
const MESSAGES = [
  '[data-part-group-id]', // one conversation part group (user or admin)
  '[data-part-group-category]', // legacy: 1 = user, 3 = admin
  '.interblocks-html', // message bodies
];
const EDITOR = [
  '[data-conversation-reply-composer] .ProseMirror[contenteditable="true"]',
  '.embercom-prosemirror-composer-editor[contenteditable="true"]',
  '.embercom-prosemirror-composer-editor [contenteditable="true"]',
  '.ProseMirror[contenteditable="true"]',
];

/** Notes have their own composer; a customer update must go into the reply. */
const notInNote = (el: Element) => el.closest('.o__note') === null;

/** The reply composer with its toolbar and send row: the extension's UI stays clear of it. */
const COMPOSER = ['[data-conversation-reply-composer]'];
const SEND = ['[data-testid="reply-send-button"]', '[data-conversation-reply-composer] [type="submit"]'];

export const intercom: HelpdeskAdapter = {
  id: 'intercom',
  name: 'Intercom',
  matches: ['https://app.intercom.com/*', 'https://app.eu.intercom.com/*', 'https://app.au.intercom.com/*'],
  selfHosted: false,
  ticketIdFromUrl: (url) => capture(url.pathname, /\/conversations?\/(\d+)/),
  detect: (doc) => doc.querySelector([...CONVERSATION, ...TITLE].join(', ')) !== null,
  readTicket(doc, url) {
    const id = intercom.ticketIdFromUrl(url);
    if (!id) return null;
    // Inbox views and folders change; the workspace plus conversation id is the permanent link.
    const workspace = capture(url.pathname, /^\/a\/(?:inbox|apps)\/([^/]+)/);
    const canonical = workspace
      ? `${url.origin}/a/inbox/${workspace}/inbox/conversation/${id}`
      : `${url.origin}${url.pathname.slice(0, url.pathname.indexOf(id) + id.length)}`;
    return buildTicket(intercom, { id, subject: firstText(doc, TITLE), url: canonical });
  },
  messageList: (doc) => {
    const stream = doc.querySelector(CONVERSATION.join(', '));
    // Without the stream the inbox list's previews of other conversations would leak in.
    return stream ? matchList(stream, MESSAGES) : [];
  },
  findReplyEditor: (doc, { firstEditor }) => firstEditor(doc, EDITOR, notInNote),
  composerArea: (doc) => firstMatch(doc, COMPOSER),
  sendButton: (doc) => firstMatch(doc, SEND),
};

/* Test URLs
https://app.intercom.com/a/inbox/abc123de/inbox/admin/5512/conversation/184000012345678
https://app.eu.intercom.com/a/inbox/abc123de/inbox/shared/all/conversation/184000012345678
https://app.intercom.com/a/apps/abc123de/inbox/inbox/conversation/184000012345678
*/
