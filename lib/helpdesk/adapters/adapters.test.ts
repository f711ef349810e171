// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { detectEditorKind } from '../editors/kind';
import { loadFixture, type FixtureName } from '../fixtures/load-fixture';
import { detectAdapter } from '../registry';
import { requesterOf } from '../requester';
import type { Requester } from '@/lib/panel-intent';
import type { DeskId, TicketAttachment } from '../types';
import { EDITORS } from '@/lib/helpdesk/editors/find';

interface Expected {
  fixture: FixtureName;
  desk: DeskId;
  id: string;
  subject: string;
  url: string;
  attachment: TicketAttachment;
  /** INC references in the active ticket's messages, and none from other tickets on the page */
  refs: string[];
  /** the reply editor, as a selector into the fixture */
  editor: string;
  kind: string;
  /** who wrote the ticket, as the desk shows it */
  requester: Requester;
}

const arbitrary = (url: string, title: string): TicketAttachment => ({ resourceType: 'arbitrary_url', externalId: url, title, url });

const CASES: Expected[] = [
  {
    fixture: 'zendesk', desk: 'zendesk', id: '48213', subject: 'Checkout failing for EU customers',
    url: 'https://acme.zendesk.com/agent/tickets/48213',
    attachment: { resourceType: 'zendesk_ticket', externalId: '48213', title: 'Zendesk #48213: Checkout failing for EU customers', url: 'https://acme.zendesk.com/agent/tickets/48213' },
    refs: ['INC-123', 'INC-456'], editor: '[data-test-id="omnicomposer-rich-text-ckeditor"]', kind: 'ckeditor5',
    requester: { email: 'alice@example-shop.com', organisation: 'Example Shop' },
  },
  {
    fixture: 'intercom', desk: 'intercom', id: '184000012345678', subject: 'Payments are failing again',
    url: 'https://app.eu.intercom.com/a/inbox/abc123de/inbox/conversation/184000012345678',
    attachment: arbitrary('https://app.eu.intercom.com/a/inbox/abc123de/inbox/conversation/184000012345678', 'Intercom #184000012345678: Payments are failing again'),
    refs: ['INC-123', 'INC-456'], editor: '[data-conversation-reply-composer] .ProseMirror', kind: 'prosemirror',
    requester: { email: 'carol@example-bank.com', organisation: 'Example Bank' },
  },
  {
    fixture: 'freshdesk', desk: 'freshdesk', id: '7734', subject: 'Invoices show the wrong VAT',
    url: 'https://acme.freshdesk.com/a/tickets/7734',
    attachment: arbitrary('https://acme.freshdesk.com/a/tickets/7734', 'Freshdesk #7734: Invoices show the wrong VAT'),
    refs: ['INC-123', 'INC-456'], editor: '.fr-element', kind: 'froala',
    requester: { email: 'finance@example-retail.com', organisation: 'Example Retail' },
  },
  {
    fixture: 'hubspot', desk: 'hubspot', id: '18822910457', subject: 'Password reset emails not arriving',
    url: 'https://app-eu1.hubspot.com/contacts/25518732/record/0-5/18822910457',
    attachment: arbitrary('https://app-eu1.hubspot.com/contacts/25518732/record/0-5/18822910457', 'HubSpot #18822910457: Password reset emails not arriving'),
    refs: ['INC-123', 'INC-456'], editor: '[data-test-id="reply-editor"] [contenteditable]', kind: 'contenteditable',
    requester: { email: 'dana@example-media.com' },
  },
  {
    fixture: 'helpscout', desk: 'helpscout', id: '4521', subject: 'Login loop on mobile app',
    url: 'https://secure.helpscout.net/conversation/2817263541/4521',
    attachment: arbitrary('https://secure.helpscout.net/conversation/2817263541/4521', 'Help Scout #4521: Login loop on mobile app'),
    refs: ['INC-123', 'INC-456'], editor: '[data-slate-editor]', kind: 'slate',
    requester: { email: 'erin@example-travel.com' },
  },
  {
    fixture: 'front', desk: 'front', id: 'cnv_8h3k2p1', subject: 'Webhooks delayed by 30 minutes',
    url: 'https://app.frontapp.com/open/cnv_8h3k2p1',
    attachment: arbitrary('https://app.frontapp.com/open/cnv_8h3k2p1', 'Front cnv_8h3k2p1: Webhooks delayed by 30 minutes'),
    refs: ['INC-123', 'INC-456'], editor: '[aria-label="Message body"]', kind: 'contenteditable',
    requester: { email: 'ops@example-logistics.com' },
  },
  {
    fixture: 'gorgias', desk: 'gorgias', id: '30917254', subject: 'Order stuck in processing',
    url: 'https://acme.gorgias.com/app/ticket/30917254',
    attachment: arbitrary('https://acme.gorgias.com/app/ticket/30917254', 'Gorgias #30917254: Order stuck in processing'),
    refs: ['INC-123', 'INC-456'], editor: '.public-DraftEditor-content', kind: 'draft',
    requester: { email: 'max@example-store.com' },
  },
  {
    fixture: 'zammad', desk: 'zammad', id: '412', subject: 'Checkout failing for EU customers',
    url: 'https://support.example.org/#ticket/zoom/412',
    attachment: arbitrary('https://support.example.org/#ticket/zoom/412', 'Zammad #31001: Checkout failing for EU customers'),
    refs: ['INC-123', 'INC-456'], editor: '.content.active .articleNewEdit-body', kind: 'contenteditable',
    requester: { email: 'paula@example-hotel.com', organisation: 'Example Hotel' },
  },
  {
    fixture: 'freescout', desk: 'freescout', id: '1207', subject: 'Export to CSV is empty',
    url: 'https://help.example.org/conversation/1207',
    attachment: arbitrary('https://help.example.org/conversation/1207', 'FreeScout #381: Export to CSV is empty'),
    refs: ['INC-123', 'INC-456'], editor: '.note-editable', kind: 'summernote',
    requester: { email: 'nina@example-analytics.com' },
  },
  {
    fixture: 'osticket', desk: 'osticket', id: '58', subject: 'VPN drops every hour',
    url: 'https://support.example.org/scp/tickets.php?id=58',
    attachment: arbitrary('https://support.example.org/scp/tickets.php?id=58', 'osTicket #123456: VPN drops every hour'),
    refs: ['INC-123', 'INC-456'], editor: '[aria-label="Response"]', kind: 'redactor',
    requester: { email: 'erin@example-school.edu', organisation: 'Example School' },
  },
  {
    fixture: 'request-tracker', desk: 'request-tracker', id: '1', subject: 'Checkout failing for EU customers',
    url: 'http://127.0.0.1:8080/Ticket/Display.html?id=1',
    attachment: arbitrary('http://127.0.0.1:8080/Ticket/Display.html?id=1', 'RT #1: Checkout failing for EU customers'),
    refs: ['INC-123', 'INC-456'], editor: 'iframe.cke_wysiwyg_frame', kind: 'ckeditor4',
    requester: { email: 'alice@example.com' },
  },
  {
    fixture: 'generic', desk: 'generic', id: '4411', subject: 'SSO login returns error 500',
    url: 'https://support.example.net/tickets/4411',
    attachment: arbitrary('https://support.example.net/tickets/4411', 'Help desk #4411: SSO login returns error 500'),
    refs: ['INC-123', 'INC-456'], editor: '#comment-body', kind: 'textarea',
    requester: { email: 'lee@example-cloud.io', organisation: 'Example Cloud' },
  },
  {
    fixture: 'zendesk-multipane', desk: 'zendesk', id: '48230', subject: 'Refund not received',
    url: 'https://acme.zendesk.com/agent/tickets/48230',
    attachment: { resourceType: 'zendesk_ticket', externalId: '48230', title: 'Zendesk #48230: Refund not received', url: 'https://acme.zendesk.com/agent/tickets/48230' },
    refs: ['INC-456'], editor: '[data-is-active="true"] [data-test-id="omnicomposer-rich-text-ckeditor"]', kind: 'ckeditor5',
    requester: { email: 'ben@example-games.com' },
  },
];

const refsIn = (roots: Element[]) => [...new Set(roots.flatMap((root) => root.textContent?.match(/INC-\d+/g) ?? []))].sort();

describe.each(CASES)('$fixture fixture', (expected) => {
  const page = () => loadFixture(expected.fixture);

  it('is recognised as its desk', () => {
    const { doc, url } = page();
    expect(detectAdapter(doc, url)?.id).toBe(expected.desk);
  });

  it('reads the ticket id, subject, canonical URL and attachment', () => {
    const { doc, url } = page();
    expect(detectAdapter(doc, url)?.readTicket(doc, url)).toEqual({
      desk: expected.desk, id: expected.id, subject: expected.subject, url: expected.url, attachment: expected.attachment,
    });
  });

  it("finds the active ticket's INC references and no others", () => {
    const { doc, url } = page();
    expect(refsIn(Array.from(detectAdapter(doc, url)!.messageList(doc)))).toEqual(expected.refs);
  });

  it("reads the requester of the active ticket, never the agent's composer", () => {
    const { doc, url } = page();
    expect(requesterOf(detectAdapter(doc, url)!, doc)).toEqual(expected.requester);
  });

  it('finds the reply editor and its kind', () => {
    const { doc, url } = page();
    const editor = detectAdapter(doc, url)!.findReplyEditor(doc, EDITORS);
    expect(editor).not.toBeNull();
    expect(editor).toBe(doc.querySelector(expected.editor));
    expect(detectEditorKind(editor!)).toBe(expected.kind);
  });
});

describe('Request Tracker reply page', () => {
  it('reads the subject without RT’s "Update ticket #1:" prefix', () => {
    const { doc } = loadFixture('request-tracker');
    doc.querySelector('#header h1')!.textContent = 'Update ticket #1: Checkout failing for EU customers';
    const url = new URL('http://rt.example.org/Ticket/Update.html?Action=Respond;id=1');
    expect(detectAdapter(doc, url)?.readTicket(doc, url)?.subject).toBe('Checkout failing for EU customers');
  });
});
