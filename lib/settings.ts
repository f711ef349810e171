import { z } from 'zod/mini';
import { STATUS_WORDS, type StatusWord } from '@/lib/incident-io/status-words';

/** Preferences an agent can change in Settings. The API key and base URL live in the connection. */
export const MIN_POLL_SECONDS = 30;
/** Bounds of the spike window Settings offers (minutes). */
export const SPIKE_WINDOW_BOUNDS = { min: 5, max: 24 * 60 } as const;
/** The spike window when Settings leaves it unset (issue 11 §4: "the last 60 minutes"). */
export const DEFAULT_SPIKE_WINDOW_MINUTES = 60;

const statusOverrides = z.object(
  Object.fromEntries(STATUS_WORDS.map((word) => [word, z.optional(z.nullable(z.string()))])) as Record<
    StatusWord,
    z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString>>
  >,
);

export const settingsSchema = z.object({
  /** Per product word: an org status id, null for "not mapped", absent for the default by name/category. */
  statusMapping: statusOverrides,
  pollIntervalSeconds: z.int().check(z.minimum(MIN_POLL_SECONDS), z.maximum(3600)),
  notifyOnDeclared: z.boolean(),
  notifyOnWatchedChange: z.boolean(),
  /** The last snooze preset chosen on a notification, offered first next time. */
  lastSnoozeMinutes: z.int().check(z.positive()),
  /** How far back viewed tickets count for "3 similar tickets: declare an incident?" (default 60). */
  spikeWindowMinutes: z.optional(z.int().check(z.minimum(SPIKE_WINDOW_BOUNDS.min), z.maximum(SPIKE_WINDOW_BOUNDS.max))),
  /** A numeric custom field that holds the count of linked help-desk tickets; absent: not written. */
  ticketCountFieldId: z.optional(z.nullable(z.string().check(z.maxLength(100)))),
});
export type Settings = z.infer<typeof settingsSchema>;
/** A change to some settings (zod/mini like every schema the side panel bundles). */
export const settingsPatchSchema = z.partial(settingsSchema);

export const DEFAULT_SETTINGS: Settings = {
  statusMapping: {},
  pollIntervalSeconds: 60,
  notifyOnDeclared: true,
  notifyOnWatchedChange: true,
  lastSnoozeMinutes: 60,
};

/** Snooze choices offered on alerts and in the incident view. */
export const SNOOZE_PRESETS_MINUTES = [15, 60, 240] as const;

export function snoozeLabel(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
}
