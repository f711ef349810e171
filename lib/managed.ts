import { browser } from '#imports';
import { z } from 'zod/mini';
import { validateBaseUrl } from '@/lib/incident-io/base-url';
import { STATUS_WORDS } from '@/lib/incident-io/status-words';
import { MIN_POLL_SECONDS, type Settings } from '@/lib/settings';

/**
 * The configuration a support team's IT sets by policy (`storage.managed`; the schema Chrome checks
 * it against is public/managed-schema.json, README "Managed configuration"). Every field is optional;
 * a field that is set wins over the agent's own setting, and the panel shows its control locked.
 * zod/mini: the side panel bundles this module.
 */
export const managedConfigSchema = z.object({
  /** incident.io API base URL (a proxy or a regional endpoint). */
  apiBaseUrl: z.optional(z.string()),
  /** Self-hosted help-desk origins (`https://help.example.org`) Incident Copilot runs on without the agent enabling them. */
  helpdeskOrigins: z.optional(z.array(z.string())),
  pollIntervalSeconds: z.optional(z.int().check(z.minimum(MIN_POLL_SECONDS), z.maximum(3600))),
  /** false: Incident Copilot only shows incidents; declaring, status changes and links are refused. */
  allowWrites: z.optional(z.boolean()),
  /** Severity (id or name) the declare form starts with. */
  defaultSeverity: z.optional(z.string()),
  /** Incident type (id or name) the declare form starts with. */
  defaultIncidentType: z.optional(z.string()),
  /** Product status word → the org's status id (null: not mapped). */
  statusMapping: z.optional(z.partialRecord(z.enum(STATUS_WORDS), z.nullable(z.string()))),
});
export type ManagedConfig = z.infer<typeof managedConfigSchema>;

export { ORGANISATION_LOCK } from '@/lib/organisation-lock';

export const WRITES_NOT_ALLOWED_MESSAGE =
  'Your organisation has set Incident Copilot to show incidents only: declaring, status changes and ticket links are turned off.';

/**
 * Reads the policy. No policy, a browser without managed storage (Firefox without a managed
 * manifest throws) or a value the schema rejects field by field: the field is simply not managed.
 */
export async function readManagedConfig(): Promise<ManagedConfig> {
  let raw: Record<string, unknown>;
  try {
    raw = (await browser.storage.managed.get()) ?? {};
  } catch {
    return {};
  }
  const config: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(managedConfigSchema.shape)) {
    const parsed = z.safeParse(field, raw[key]);
    if (parsed.success && parsed.data !== undefined) config[key] = parsed.data;
  }
  return config as ManagedConfig;
}

/** The agent's settings with what the organisation set laid over them. */
export function applyManagedSettings(settings: Settings, managed: ManagedConfig): Settings {
  return {
    ...settings,
    ...(managed.pollIntervalSeconds === undefined ? {} : { pollIntervalSeconds: managed.pollIntervalSeconds }),
    ...(managed.statusMapping === undefined ? {} : { statusMapping: { ...settings.statusMapping, ...managed.statusMapping } }),
  };
}

/** Runs `callback` whenever IT changes the policy while the browser runs. */
export function watchManagedConfig(callback: () => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

interface Item<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
  watch(callback: (value: T) => void): () => void;
}

/**
 * A stored item whose reads come with the policy laid over them (`overlay`), so every reader sees
 * the organisation's values without knowing about them. Writes keep the stored value of each field
 * the policy sets (`keepStored`): an agent's change elsewhere never copies the org's value into the
 * agent's own settings, and removing the policy brings the agent's values back.
 */
export function withManagedOverlay<T>(
  item: Item<T>,
  overlay: (stored: T, managed: ManagedConfig) => T,
  keepStored: (next: T, stored: T, managed: ManagedConfig) => T,
): Item<T> {
  return {
    get: async () => overlay(await item.get(), await readManagedConfig()),
    set: async (value) => {
      const [stored, managed] = await Promise.all([item.get(), readManagedConfig()]);
      await item.set(keepStored(value, stored, managed));
    },
    remove: () => item.remove(),
    watch: (callback) => {
      const notify = async () => callback(overlay(await item.get(), await readManagedConfig()));
      const unwatchItem = item.watch(() => void notify());
      const unwatchPolicy = watchManagedConfig(() => void notify());
      return () => {
        unwatchItem();
        unwatchPolicy();
      };
    },
  };
}

export function keepStoredSettings(next: Settings, stored: Settings, managed: ManagedConfig): Settings {
  return {
    ...next,
    ...(managed.pollIntervalSeconds === undefined ? {} : { pollIntervalSeconds: stored.pollIntervalSeconds }),
    ...(managed.statusMapping === undefined ? {} : { statusMapping: stored.statusMapping }),
  };
}

/** The policy's API base URL when it is one the agent could have typed (same checks), else null. */
export function managedBaseUrl(managed: ManagedConfig): string | null {
  if (managed.apiBaseUrl === undefined) return null;
  const checked = validateBaseUrl(managed.apiBaseUrl);
  return checked.ok ? checked.url : null;
}

export function applyManagedConnection<C extends { baseUrl: string }>(stored: C, managed: ManagedConfig): C {
  const baseUrl = managedBaseUrl(managed);
  return baseUrl === null ? stored : { ...stored, baseUrl };
}

export function keepStoredConnection<C extends { baseUrl: string }>(next: C, stored: C, managed: ManagedConfig): C {
  return managedBaseUrl(managed) === null ? next : { ...next, baseUrl: stored.baseUrl };
}

/** The declare form's starting severity and type from the policy, matched by id or (any case) name. */
export function managedDeclareDefaults(
  managed: ManagedConfig,
  severities: readonly { id: string; name: string }[],
  types: readonly { id: string; name: string }[],
): { severityId?: string; incidentTypeId?: string } {
  const find = (wanted: string | undefined, options: readonly { id: string; name: string }[]) =>
    wanted === undefined ? undefined : options.find((o) => o.id === wanted || o.name.toLowerCase() === wanted.trim().toLowerCase())?.id;
  const severityId = find(managed.defaultSeverity, severities);
  const incidentTypeId = find(managed.defaultIncidentType, types);
  return { ...(severityId ? { severityId } : {}), ...(incidentTypeId ? { incidentTypeId } : {}) };
}
