import { z } from 'zod';
import {
  createAttachmentPayloadSchema, createIncidentPayloadSchema, identitySchema, incidentAttachmentSchema,
  incidentSchema, incidentUpdateSchema,
} from '@/lib/incident-io/schemas';
import { settingsPatchSchema, settingsSchema } from '@/lib/settings';
import { declarePrefillSchema, panelIntentSchema, ticketRefSchema } from '@/lib/panel-intent';
import { publicIncidentSchema } from './public-incident';
import { catalogSchema, errorInfoSchema, openIncidentsReplySchema, openIncidentsSchema } from './shapes';
import { onCallProtocol } from './on-call-protocol';
import { statusPageProtocol } from './status-page-protocol';
import { fieldsProtocol } from './fields-protocol';
import { workspacesProtocol } from './workspaces-protocol';

export { catalogSchema, envelopeSchema, errorInfoSchema, openIncidentsReplySchema, openIncidentsSchema } from './shapes';
export type { Catalog, Envelope, OpenIncidents, OpenIncidentsReply } from './shapes';

/**
 * The one message protocol between the extension's pages, content scripts and the background.
 * `access: 'read'` types may come from help-desk pages (untrusted): they get public incidents only.
 * `access: 'agent'` types are accepted only from the extension's own pages (judged on the
 * browser-stamped sender, see access.ts).
 */
/** What the first-paint script draws of an open incident (first-paint.ts checks the same fields). */
const firstRowsSchema = z.object({
  incidents: z.array(z.object({
    reference: z.string(),
    name: z.string(),
    incident_status: z.object({ name: z.string(), category: z.string() }),
    visibility: z.string(),
  })),
  fetchedAt: z.number(),
  complete: z.boolean(),
});

const capabilitiesSchema = z.object({
  canCreate: z.boolean(),
  canEdit: z.boolean(),
  canSeePrivate: z.boolean(),
  createReason: z.string().optional(),
  editReason: z.string().optional(),
});

export const connectionSchema = z.object({
  connected: z.boolean(),
  baseUrl: z.string(),
  identity: z.nullable(identitySchema),
  capabilities: z.nullable(capabilitiesSchema),
});
export type Connection = z.infer<typeof connectionSchema>;

export const activeTabSchema = z.object({
  tabId: z.number().int().nullable(),
  /** The tab's http(s) URL; null when hidden (no activeTab grant or host permission) or not a web page. */
  url: z.string().nullable(),
  ticket: z.nullable(ticketRefSchema),
});
export type ActiveTab = z.infer<typeof activeTabSchema>;

export const sitesSchema = z.object({ sites: z.array(z.string()) });

export const suggestionsSchema = z.object({
  suggestions: z.array(z.object({
    incident: publicIncidentSchema,
    /** The ticket's words that matched ("Matches: checkout, payment, 502"), or its INC- reference. */
    matched: z.array(z.string()),
    reason: z.enum(['reference', 'customer', 'text']),
    customerLine: z.string().optional(),
  })).max(3),
  /** "3 similar tickets: declare an incident?" (null: no spike). */
  spike: z.nullable(z.object({
    count: z.number().int(),
    name: z.string(),
    tickets: z.array(z.object({ title: z.string(), url: z.string() })),
  })),
});
export type Suggestions = z.infer<typeof suggestionsSchema>;

const ref = z.string().trim().min(1).max(300);

export const incidentCardSchema = z.object({ incident: publicIncidentSchema, customerText: z.nullable(z.string()) });
export type IncidentCard = z.infer<typeof incidentCardSchema>;
const id = z.string().trim().min(1).max(100);
const empty = z.object({}).strict();

export const protocol = {
  /**
   * The shared cached list at once; with `revalidate`, after the shared single-flight refresh (none
   * when the cache is under 2 s old), or on failure the cached list with `error`.
   */
  'incidents/open': {
    access: 'read', request: z.object({ revalidate: z.boolean().optional() }).strict(), response: openIncidentsReplySchema,
  },
  'incidents/refresh': { access: 'agent', request: empty, response: openIncidentsSchema },
  /**
   * The side panel's `incidents/open`: makes sure the shared cache is fresh (with `revalidate`, as
   * `incidents/open` does) and says when it was filled, or why a revalidation failed. The panel reads
   * the list from storage (it watches it anyway), so a 1,000-incident list crosses to it once.
   */
  'incidents/fill': {
    access: 'agent',
    request: z.object({ revalidate: z.boolean().optional() }).strict(),
    response: z.object({ fetchedAt: z.number().nullable(), complete: z.boolean(), error: z.optional(errorInfoSchema) }),
  },
  /**
   * A cold side panel's first rows (first-paint.ts), as soon as the shared refresh has parsed its
   * first page, before it is stored: only what a row shows, at most one page.
   */
  'incidents/first-rows': {
    access: 'agent', request: empty, response: firstRowsSchema,
  },
  'incidents/get': { access: 'read', request: z.object({ ref }), response: z.object({ incident: incidentSchema }) },
  'incidents/updates': {
    access: 'read', request: z.object({ incidentId: id }), response: z.object({ updates: z.array(incidentUpdateSchema) }),
  },
  'incidents/create': {
    access: 'agent', request: z.object({ payload: createIncidentPayloadSchema }), response: z.object({ incident: incidentSchema }),
  },
  'incidents/set-status': {
    access: 'agent',
    request: z.object({ incidentId: id, target: z.string().trim().min(1).max(100), notify: z.boolean() }),
    response: z.object({ incident: incidentSchema }),
  },
  'catalog/get': { access: 'agent', request: empty, response: catalogSchema },
  'connection/get': { access: 'agent', request: empty, response: connectionSchema },
  'connection/connect': {
    // An empty key keeps the stored one, for the same origin only (a new origin needs it typed again).
    // A host other than incident.io's or loopback must be named in `customEndpoint` (the agent confirmed it).
    access: 'agent',
    request: z.object({ apiKey: z.string().trim().max(500), baseUrl: z.string().max(500), customEndpoint: z.string().max(300).optional() }),
    response: connectionSchema,
  },
  'connection/disconnect': { access: 'agent', request: empty, response: connectionSchema },
  'settings/get': { access: 'agent', request: empty, response: settingsSchema },
  'settings/update': { access: 'agent', request: settingsPatchSchema, response: settingsSchema },
  'attachments/list': {
    access: 'read',
    request: z.object({ externalId: z.string().min(1).max(2000).optional(), incidentId: id.optional() }),
    response: z.object({ attachments: z.array(incidentAttachmentSchema) }),
  },
  'attachments/create': {
    access: 'agent', request: createAttachmentPayloadSchema, response: z.object({ attachment: incidentAttachmentSchema }),
  },
  // incidentId (optional): the unlinked incident, so its links and ticket count update at once.
  'attachments/delete': { access: 'agent', request: z.object({ id, incidentId: id.optional() }), response: z.object({}) },
  'watch/toggle': { access: 'agent', request: z.object({ incidentId: id }), response: z.object({ watched: z.boolean() }) },
  'watch/list': {
    access: 'agent', request: empty,
    response: z.object({ incidentIds: z.array(z.string()), snoozedUntil: z.record(z.string(), z.number()) }),
  },
  /** minutes 0 lifts the snooze. */
  'snooze/set': {
    access: 'agent',
    request: z.object({ incidentId: id, minutes: z.number().int().min(0).max(24 * 60) }),
    response: z.object({ until: z.number().nullable() }),
  },
  /** Help-desk pages may ask to show something in the side panel; the panel never writes by itself. */
  'panel/open': { access: 'read', request: panelIntentSchema, response: z.object({ opened: z.boolean() }) },
  'panel/take-intent': { access: 'agent', request: empty, response: z.object({ intent: z.nullable(panelIntentSchema) }) },
  'declare/prefill': { access: 'agent', request: declarePrefillSchema, response: z.object({}) },
  /** The active tab of the panel's window: its URL (when the browser shows it) and help-desk ticket. */
  'helpdesk/active-tab': {
    access: 'agent', request: z.object({ windowId: z.number().int().optional() }), response: activeTabSchema,
  },
  /** Types an incident's customer-safe status update into the reply editor of a help-desk tab. */
  'reply/insert': {
    access: 'agent',
    request: z.object({ incidentId: id, tabId: z.number().int() }),
    response: z.object({ inserted: z.boolean(), text: z.string(), method: z.string().optional(), reason: z.string().optional() }),
  },
  /**
   * A ticket page's pending follow-ups (the tab must show that ticket): each ended public incident
   * with its resolution text, from the one builder.
   */
  'followups/ticket': {
    access: 'read', request: z.object({ externalId: z.string().min(1).max(2000) }),
    response: z.object({
      followups: z.array(z.object({ incidentId: z.string(), reference: z.string(), word: z.string(), customerText: z.string() })).max(20),
    }),
  },
  /** The ticket page inserted the resolution update into its reply: that follow-up is done. */
  'followups/inserted': {
    access: 'read', request: z.object({ incidentId: id, externalId: z.string().min(1).max(2000) }), response: z.object({}),
  },
  /** Self-hosted desks enabled at run time (the panel asks for the host permission first). */
  'sites/list': { access: 'agent', request: empty, response: sitesSchema },
  'sites/enable': {
    access: 'agent', request: z.object({ url: z.string().max(2000), tabId: z.number().int().optional() }), response: sitesSchema,
  },
  'sites/disable': { access: 'agent', request: z.object({ origin: z.string().max(300) }), response: sitesSchema },
  /** A follow-up (incident × linked ticket) the agent has dealt with. */
  'followups/done': {
    access: 'agent', request: z.object({ incidentId: id, externalId: z.string().min(1).max(2000) }), response: z.object({}),
  },
  /** Types the resolution update into the follow-up's ticket, open in `tabId`, and marks it done. */
  'followups/insert': {
    access: 'agent',
    request: z.object({ incidentId: id, externalId: z.string().min(1).max(2000), tabId: z.number().int() }),
    response: z.object({ inserted: z.boolean(), text: z.string(), method: z.string().optional(), reason: z.string().optional() }),
  },
  /**
   * A hover card's (and "Insert update"'s) one read: the incident and its latest update, public
   * only, with the customer text made by the one builder. Agents get the same shape.
   */
  'incidents/card': { access: 'read', request: z.object({ ref }), response: incidentCardSchema },
  /** A help-desk page's content script asks for its UI (strip, hover card, editors), injected into its frame. */
  'helpdesk/ui': { access: 'read', request: empty, response: z.object({}).strict() },
  /**
   * Suggested incidents for the help-desk ticket in the caller's tab (issue 11 §1, §4), ranked in the
   * background from the shared open list (lib/background/suggestions.ts). `text` is the customer's
   * messages, separated by form feeds (`\f`), newest last.
   */
  'suggestions/ticket': {
    access: 'read',
    request: z.object({
      subject: z.string().max(1000),
      text: z.string().max(200_000),
      requester: z.object({ email: z.string().max(320).optional(), organisation: z.string().max(300).optional() }).optional(),
    }),
    response: suggestionsSchema,
  },
  /**
   * The strip's "3 similar tickets: declare an incident?": opens the declare form prefilled from the
   * spike the background found for the caller's ticket (the tickets come from what this agent
   * viewed, not from the page). Writes nothing: the agent reviews and declares in the side panel.
   */
  'spike/declare': { access: 'read', request: empty, response: z.object({ opened: z.boolean() }) },
  ...onCallProtocol,
  ...statusPageProtocol,
  /** The organisation's numeric custom fields, for Settings' "Ticket count field" (issue 11 §5). */
  'customfields/numeric': {
    access: 'agent', request: empty, response: z.object({ fields: z.array(z.object({ id: z.string(), name: z.string() })) }),
  },
  ...fieldsProtocol,
  ...workspacesProtocol,
} as const satisfies Record<string, { access: 'read' | 'agent'; request: z.core.$ZodType; response: z.core.$ZodType }>;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.input<Protocol[T]['request']>;
export type ResponseOf<T extends MessageType> = z.infer<Protocol[T]['response']>;
/** The protocol types a help-desk page may send: reads only. */
export type ReadType = { [T in MessageType]: Protocol[T]['access'] extends 'read' ? T : never }[MessageType];

/**
 * What a help-desk caller receives for each read: its own reply shape, parsed by the router in
 * place of `response`, so whatever a handler returns, only these fields reach a page. Every read
 * type must have one (the `satisfies` below).
 */
export const helpdeskReplies = {
  'incidents/open': z.object({
    incidents: z.array(publicIncidentSchema), fetchedAt: z.nullable(z.number()), complete: z.boolean(), error: z.optional(errorInfoSchema),
  }),
  'incidents/get': z.object({ incident: publicIncidentSchema }),
  'incidents/card': incidentCardSchema,
  // The message and its time only: updaters' names and emails stay in the background.
  'incidents/updates': z.object({
    updates: z.array(z.object({ id: z.string(), incident_id: z.string(), created_at: z.string(), message: z.optional(z.string()) })),
  }),
  'attachments/list': protocol['attachments/list'].response,
  'panel/open': protocol['panel/open'].response,
  'helpdesk/ui': protocol['helpdesk/ui'].response,
  // Already the help-desk shape: public projections and the ticket's own words.
  'suggestions/ticket': suggestionsSchema,
  'spike/declare': protocol['spike/declare'].response,
  'followups/ticket': protocol['followups/ticket'].response,
  'followups/inserted': protocol['followups/inserted'].response,
} as const satisfies Record<ReadType, z.core.$ZodType>;
export type HelpdeskResponseOf<T extends ReadType> = z.infer<(typeof helpdeskReplies)[T]>;
/** What a handler may return: the agent's shape, or for a read the help-desk one. */
export type ReplyOf<T extends MessageType> = ResponseOf<T> | (T extends ReadType ? HelpdeskResponseOf<T> : never);

export const messageSchema = z.object({
  type: z.string().max(64),
  payload: z.unknown(),
});
