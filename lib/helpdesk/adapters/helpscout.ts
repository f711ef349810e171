import { capture, documentTitle, firstMatch, firstText, matchList } from '../dom';
import type { HelpdeskAdapter } from '../types';
import { buildTicket } from '../ticket';

const SUBJECT = [
  '[aria-label="Conversation Subject"]',
  '#subjectLine', // legacy
];
const MESSAGES = [
  '[data-testid="ThreadContainer"] div[id^="thread-"]',
  'ol[aria-label="Thread Items"] > li',
  'div[id^="thread-"]',
];
const EDITOR = [
  '[data-cy="ConvoEditor"] [data-slate-editor]', // Slate
  '[data-slate-editor][contenteditable="true"]',
  '[role="textbox"][aria-label="Reply Editor"]',
];

/** The reply composer with its toolbar and send row: the extension's UI stays clear of it. */
const COMPOSER = ['[data-cy="ConvoEditor"]'];
const SEND = ['[data-cy="SendButton"]'];

export const helpscout: HelpdeskAdapter = {
  id: 'helpscout',
  name: 'Help Scout',
  matches: ['https://secure.helpscout.net/*'],
  selfHosted: false,
  // /conversation/<internal id>/<number>: agents and customers know the number.
  ticketIdFromUrl: (url) => capture(url.pathname, /\/conversations?\/\d+\/(\d+)/),
  detect: (doc) => doc.querySelector([...SUBJECT, '[data-cy="ConversationHeader.Actions"]'].join(', ')) !== null,
  readTicket(doc, url) {
    const parts = /\/conversations?\/(\d+)\/(\d+)/.exec(url.pathname);
    if (!parts) return null;
    const [, internalId = '', number = ''] = parts;
    const subject = firstText(doc, SUBJECT) || documentTitle(doc, /\s*[-–|]\s*[^-–|]*Help Scout.*$/i);
    return buildTicket(helpscout, { id: number, subject, url: `${url.origin}/conversation/${internalId}/${number}` });
  },
  messageList: (doc) => matchList(doc, MESSAGES),
  findReplyEditor: (doc, { firstEditor }) => firstEditor(doc, EDITOR),
  composerArea: (doc) => firstMatch(doc, COMPOSER),
  sendButton: (doc) => firstMatch(doc, SEND),
};

/* Test URLs
https://secure.helpscout.net/conversation/2817263541/4521/?folderId=7012
https://secure.helpscout.net/conversation/2817263541/4521
*/
