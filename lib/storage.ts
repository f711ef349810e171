import { storage, type StorageItemKey } from '#imports';
import { z } from 'zod';
import { DEFAULT_BASE_URL } from '@/lib/incident-io/base-url';
import { identitySchema, incidentSchema } from '@/lib/incident-io/schemas';
import { catalogSchema } from '@/lib/messaging/protocol';
import { panelIntentSchema } from '@/lib/panel-intent';
import { DEFAULT_SETTINGS, settingsSchema } from '@/lib/settings';

/**
 * Every persisted value, each parsed with zod on read: a value written by an older version (or
 * tampered with) falls back to the default instead of crashing a page.
 */
export interface TypedItem<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
  watch(callback: (value: T) => void): () => void;
}

export function typedItem<S extends z.ZodType>(key: StorageItemKey, schema: S, fallback: z.infer<S>): TypedItem<z.infer<S>> {
  const item = storage.defineItem<unknown>(key);
  const parse = (raw: unknown): z.infer<S> => {
    const result = schema.safeParse(raw);
    return result.success ? result.data : fallback;
  };
  return {
    get: async () => parse(await item.getValue()),
    set: (value) => item.setValue(schema.parse(value)),
    remove: () => item.removeValue(),
    watch: (callback) => item.watch((raw) => callback(parse(raw))),
  };
}

/** Background only. `storage.local` is restricted to trusted contexts at start-up (see background). */
export const apiKeyItem = typedItem('local:apiKey', z.string().nullable(), null);

export const connectionItem = typedItem(
  'local:connection',
  z.object({ baseUrl: z.string(), identity: identitySchema.nullable() }),
  { baseUrl: DEFAULT_BASE_URL, identity: null },
);

export const settingsItem = typedItem('local:settings', settingsSchema, DEFAULT_SETTINGS);

/** The shared open-incidents cache every page reads (filled by the poller). */
export const openIncidentsItem = typedItem(
  'session:openIncidents',
  z.object({ incidents: z.array(incidentSchema), fetchedAt: z.number().nullable() }),
  { incidents: [], fetchedAt: null },
);

export const catalogItem = typedItem(
  'session:catalog',
  z.object({ catalog: catalogSchema, fetchedAt: z.number() }).nullable(),
  null,
);

/** What the side panel should show when it next opens (set by the menu, shortcut or a help-desk page). */
export const panelIntentItem = typedItem('session:panelIntent', panelIntentSchema.nullable(), null);
