import { SNOOZE_PRESETS_MINUTES } from '@/lib/settings';
import { settingsItem, snoozesItem } from '@/lib/storage';

/** The presets offered on notification buttons, shortest first. */

/** Snoozes still in force at `now` (incident id → until, epoch ms). */
export async function activeSnoozes(now: number): Promise<Record<string, number>> {
  return Object.fromEntries(Object.entries(await snoozesItem.get()).filter(([, until]) => until > now));
}

/**
 * Silences an incident's notifications for `minutes` (0 lifts the snooze) and remembers a preset
 * choice so the next notification offers it first. Resolves to the end of the snooze, or null.
 */
export async function snoozeIncident(incidentId: string, minutes: number, now: number): Promise<number | null> {
  const { [incidentId]: _previous, ...others } = await activeSnoozes(now);
  const until = minutes > 0 ? now + minutes * 60_000 : null;
  await snoozesItem.set(until === null ? others : { ...others, [incidentId]: until });
  await rememberSnoozePreset(minutes);
  return until;
}

/** A preset chosen (from any workspace's alert) is offered first on the next notification. */
export async function rememberSnoozePreset(minutes: number): Promise<void> {
  if ((SNOOZE_PRESETS_MINUTES as readonly number[]).includes(minutes)) {
    await settingsItem.set({ ...(await settingsItem.get()), lastSnoozeMinutes: minutes });
  }
}
