import { storage, type StorageItemKey } from '#imports';
import { z } from 'zod/mini';
import { DEFAULT_BASE_URL } from '@/lib/incident-io/base-url';
import { identitySchema, incidentAttachmentSchema, incidentSchema } from '@/lib/incident-io/schemas';
import { applyManagedConnection, applyManagedSettings, keepStoredConnection, keepStoredSettings, withManagedOverlay } from '@/lib/managed';
import { catalogSchema, openIncidentsSchema } from '@/lib/messaging/shapes';
import { panelIntentSchema } from '@/lib/panel-intent';
import { DEFAULT_SETTINGS, settingsSchema } from '@/lib/settings';
import { storedDraftSchema } from '@/lib/declare-draft';
import { followupsSchema } from '@/lib/background/followups';
import { publicIncidentSchema } from '@/lib/messaging/public-incident';

/**
 * Every persisted value, each parsed with zod on read: a value written by an older version (or
 * tampered with) falls back to the default instead of crashing a page. Schemas here are zod/mini
 * (the side panel bundles this module); any zod schema works with `typedItem`.
 */
export interface TypedItem<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
  watch(callback: (value: T) => void): () => void;
}

export function typedItem<S extends z.core.$ZodType>(key: StorageItemKey, schema: S, fallback: z.infer<S>): TypedItem<z.infer<S>> {
  const parse = (raw: unknown): z.infer<S> => {
    const result = z.safeParse(schema, raw);
    return result.success ? result.data : fallback;
  };
  // By key, not storage.defineItem: a defined item reads its value as soon as it is defined, so
  // every page that imports this module would read every item (the side panel, all fourteen of
  // them, competing with the few reads its first screen waits for).
  return {
    get: async () => parse(await storage.getItem(key)),
    set: (value) => storage.setItem(key, z.parse(schema, value)),
    remove: () => storage.removeItem(key),
    watch: (callback) => storage.watch(key, (raw) => callback(parse(raw))),
  };
}

// The keys (`apiKeyItem`, `workspacesItem`) live in lib/background/key-storage.ts: background only.

/** The base URL a policy sets wins (lib/managed.ts). */
export const connectionItem = withManagedOverlay(typedItem(
  'local:connection',
  z.object({ baseUrl: z.string(), identity: z.nullable(identitySchema) }),
  { baseUrl: DEFAULT_BASE_URL, identity: null },
), applyManagedConnection, keepStoredConnection);

/** What a policy sets (poll interval, status mapping) wins over the agent's own settings (lib/managed.ts). */
export const settingsItem = withManagedOverlay(typedItem('local:settings', settingsSchema, DEFAULT_SETTINGS), applyManagedSettings, keepStoredSettings);

/** The shared open-incidents cache every page reads (filled by the poller). */
export const openIncidentsItem = typedItem(
  'session:openIncidents',
  openIncidentsSchema,
  { incidents: [], fetchedAt: null, complete: true },
);

export const catalogItem = typedItem(
  'session:catalog',
  z.nullable(z.object({ catalog: catalogSchema, fetchedAt: z.number() })),
  null,
);

/** What the side panel should show when it next opens (set by the menu, shortcut or a help-desk page). */
export const panelIntentItem = typedItem('session:panelIntent', z.nullable(panelIntentSchema), null);

/** Incidents this browser follows: their status and severity changes raise notifications. */
export const watchedItem = typedItem('local:watched', z.array(z.string()), []);

/** Incident id → epoch ms until which it raises no notifications. */
export const snoozesItem = typedItem('local:snoozes', z.record(z.string(), z.number()), {});

/**
 * The open list the poller last compared against; null until the first poll, which is therefore
 * silent (everything already open would otherwise look freshly declared).
 */
export const pollBaselineItem = typedItem('session:pollBaseline', z.nullable(z.array(incidentSchema)), null);

export const pollStateSchema = z.object({
  /** No scheduled poll before this time (epoch ms): incident.io said 429, or the rate budget is low. */
  holdUntil: z.nullable(z.number()),
  /** Consecutive 429s, for the exponential wait when incident.io sends no Retry-After. */
  rateLimitedCount: z.int().check(z.nonnegative()),
  /** The last refresh failure the badge shows, until a later successful fetch supersedes it. */
  problem: z.nullable(z.object({ kind: z.enum(['key_rejected', 'unreachable']), at: z.number() })),
});
export type PollState = z.infer<typeof pollStateSchema>;
export const pollStateItem = typedItem('session:pollState', pollStateSchema, {
  holdUntil: null, rateLimitedCount: 0, problem: null,
});

export const alertRecordSchema = z.object({
  incidentId: z.string(),
  reference: z.string(),
  /** The snooze presets on its two buttons, in button order. */
  snoozeMinutes: z.array(z.int().check(z.positive())),
  raisedAt: z.number(),
  /** The workspace the incident belongs to (its id is also in the notification id's prefix). */
  workspaceId: z.optional(z.string()),
});
export type AlertRecord = z.infer<typeof alertRecordSchema>;
/** Notifications raised, by notification id: which change each was for and what its buttons do. */
export const alertsItem = typedItem('session:alerts', z.record(z.string(), alertRecordSchema), {});

/** The declare form's draft (side panel only), so closing the panel or a failed request loses nothing. */
export const declareDraftItem = typedItem('local:declareDraft', z.nullable(storedDraftSchema), null);

/** "Ask Copilot" history (oldest first), walked with the arrow keys. */
export const commandHistoryItem = typedItem('local:commandHistory', z.array(z.string().check(z.maxLength(300))).check(z.maxLength(50)), []);


/**
 * Help-desk tickets this agent viewed recently (spike detection, issue 11 §4): their own words,
 * bounded (lib/suggest/spike.ts), kept for the session only.
 */
export const viewedTicketsItem = typedItem(
  'session:viewedTickets',
  z.array(z.object({
    url: z.string().check(z.maxLength(2000)),
    title: z.string().check(z.maxLength(300)),
    subject: z.string().check(z.maxLength(300)),
    text: z.string().check(z.maxLength(2000)),
    viewedAt: z.number(),
  })).check(z.maxLength(60)),
  [],
);

/**
 * Customer-aware suggestions: the org's custom fields backed by a customer catalog type (with the
 * type), and which catalog entries incident.io found per requester identifier. Refreshed after
 * `CUSTOMER_CATALOG_MAX_AGE_MS` (lib/background/suggestions.ts).
 */
export const customerCatalogItem = typedItem(
  'session:customerCatalog',
  z.nullable(z.object({
    fields: z.array(z.object({ fieldId: z.string(), catalogTypeId: z.string() })),
    fetchedAt: z.number(),
    lookups: z.record(z.string(), z.object({ entryIds: z.array(z.string()), fetchedAt: z.number() })),
  })),
  null,
);
export const incidentLinksSchema = z.object({
  /** Incident id → its attachments as last read (open incidents and ended ones still followed up). */
  byIncident: z.record(z.string(), z.array(incidentAttachmentSchema)),
  fetchedAt: z.nullable(z.number()),
});
export type IncidentLinks = z.infer<typeof incidentLinksSchema>;
/** Attachments per incident, read once per poll; every ticket tab's links are answered from it. */
export const incidentLinksItem = typedItem('session:incidentLinks', incidentLinksSchema, { byIncident: {}, fetchedAt: null });

/** The follow-up queue with its done marks (see lib/background/followups.ts); survives restarts. */
export const followupsItem = typedItem('local:followups', followupsSchema, {});

/**
 * Every connected incident.io workspace (issue 12 §4), each with its own key: `workspacesItem` in
 * lib/background/key-storage.ts (background only, like `apiKeyItem`). The active one is mirrored into
 * `apiKeyItem`/`connectionItem`, which every other handler reads; `stash` keeps an inactive workspace's
 * watches, follow-ups, snoozes and declare draft until it is active again (its watches and follow-ups
 * are still processed there by its own poll).
 * Null on installs from before workspaces: lib/background/workspaces.ts derives the first from the key.
 */
export const workspaceSchema = z.object({
  id: z.string(),
  baseUrl: z.string(),
  identity: identitySchema,
  apiKey: z.string(),
  stash: z.optional(z.object({
    watched: z.array(z.string()),
    followups: followupsSchema,
    snoozes: z.optional(z.record(z.string(), z.number())),
    /** The declare form's draft: it carries this org's custom-field ids, so another org never sees it. */
    declareDraft: z.optional(z.nullable(storedDraftSchema)),
  })),
});
export type Workspace = z.infer<typeof workspaceSchema>;
export const workspacesSchema = z.object({ activeId: z.nullable(z.string()), list: z.array(workspaceSchema) });
export type Workspaces = z.infer<typeof workspacesSchema>;

/** Open incidents per inactive workspace, by workspace id, from its own poll: the badge sums them. */
export const workspaceCountsItem = typedItem(
  'session:workspaceCounts',
  z.record(z.string(), z.object({ count: z.number(), fetchedAt: z.number() })),
  {},
);

/**
 * Each inactive workspace's public open incidents (the help-desk projection), by workspace id, from
 * its own poll: help-desk tabs see them next to the active workspace's, labelled with its name.
 */
export const workspaceOpenItem = typedItem('session:workspaceOpen', z.record(z.string(), z.array(publicIncidentSchema)), {});

/**
 * Each inactive workspace's alert baseline (what its last poll compared against), by workspace id.
 * The active one's is `pollBaselineItem`; a switch moves them across, so no change is dropped.
 */
export const workspaceBaselinesItem = typedItem('session:workspaceBaselines', z.record(z.string(), z.array(incidentSchema)), {});
