import type { Requester } from '@/lib/panel-intent';
export const DESK_IDS = [
  'zendesk', 'intercom', 'freshdesk', 'hubspot', 'helpscout', 'front', 'gorgias',
  'zammad', 'freescout', 'osticket', 'request-tracker', 'generic',
] as const;
export type DeskId = (typeof DESK_IDS)[number];

/** What incident.io stores to link a ticket (createAttachmentPayloadSchema's resource). */
export interface TicketAttachment {
  resourceType: 'zendesk_ticket' | 'salesforce_case' | 'arbitrary_url';
  /** Zendesk: the ticket id; otherwise the canonical URL, so `?external_id=` finds the link again. */
  externalId: string;
  title: string;
  url: string;
}

export interface Ticket {
  desk: DeskId;
  id: string;
  subject: string;
  /** canonical ticket URL (no view, folder or tracking parts) */
  url: string;
  attachment: TicketAttachment;
  /** Who wrote the ticket, as the desk shows it (suggestions rank an incident listing their company first). */
  requester?: Requester;
}

export interface HelpdeskAdapter {
  id: DeskId;
  name: string;
  /** manifest match patterns for SaaS desks; [] for self-hosted */
  matches: string[];
  selfHosted: boolean;
  ticketIdFromUrl(url: URL): string | null;
  /** DOM anchors proving this desk when the URL is ambiguous (self-hosted) */
  detect(doc: Document): boolean;
  readTicket(doc: Document, url: URL): Ticket | null;
  /**
   * the active pane's message containers (scope to the active ticket in multi-pane UIs), in
   * document order and uncopied: the content script reads a long ticket a window at a time
   */
  messageList(doc: Document): ArrayLike<Element>;
  /** `editors`: the finders (editors/find.ts's `EDITORS`), passed in so they ship with the UI, not with every page. */
  findReplyEditor(doc: Document, editors: EditorFinders): Element | null;
  /** The reply composer with its toolbar and send row (the extension's UI is placed clear of it). */
  composerArea(doc: Document, editors: EditorFinders): Element | null;
  /** The desk's own Send/Submit button for the reply. */
  sendButton(doc: Document, editors: EditorFinders): Element | null;
  /** The active ticket's pane in multi-pane desks: the requester is read there before the document. */
  requesterScope?(doc: Document): Document | Element;
}

/** How adapters find a reply editor (lib/helpdesk/editors/find.ts). */
export interface EditorFinders {
  firstEditor: typeof import('./editors/find').firstEditor;
  largestReplyEditor: typeof import('./editors/find').largestReplyEditor;
}
