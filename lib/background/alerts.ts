import { browser } from '#imports';
import type { Incident } from '@/lib/incident-io/schemas';
import { DEFAULT_SETTINGS, type Settings, SNOOZE_PRESETS_MINUTES, snoozeLabel } from '@/lib/settings';
import { type AlertRecord, alertsItem, panelIntentItem } from '@/lib/storage';
import { clip } from './clip';
import type { SnapshotDiff } from './diff';
import { openSidePanel } from './side-panel';
import { rememberSnoozePreset, snoozeIncident } from './snooze';

/** One notification to raise. */
export interface Alert {
  /**
   * `<workspace id>/incident:<incident id>:<change>`; the change includes `updated_at`, so a repeat
   * of the same move is new. The workspace prefix keeps each workspace's alerts apart.
   */
  notificationId: string;
  incidentId: string;
  workspaceId: string | null;
  reference: string;
  title: string;
  message: string;
  /** The presets on the two buttons, in order. */
  snoozeMinutes: [number, number];
}

export interface AlertContext {
  settings: Settings;
  /** Incident id → snoozed until (epoch ms). */
  snoozes: Record<string, number>;
  now: number;
  /** Whose incidents these are (several workspaces raise alerts); null before any is stored. */
  workspaceId?: string | null;
}

const MAX_TITLE_CHARS = 80;
const MAX_MESSAGE_CHARS = 200;
/** Ledger entries kept: far more than notifications anyone leaves on screen. */
const MAX_REMEMBERED = 200;
const OPEN_HINT = 'Click to open it in Incident Copilot.';

/**
 * The notifications a poll's changes call for: declarations (if enabled) and watched incidents'
 * status/severity moves (if enabled), minus snoozed incidents. Private incidents are never named.
 */
export function decideAlerts(diff: SnapshotDiff, { settings, snoozes, now, workspaceId = null }: AlertContext): Alert[] {
  const snoozeMinutes = snoozeChoices(settings.lastSnoozeMinutes);
  const alerts: Omit<Alert, 'snoozeMinutes' | 'workspaceId'>[] = [];
  if (settings.notifyOnDeclared) {
    for (const incident of diff.declared) {
      const severity = incident.severity ? ` (${incident.severity.name})` : '';
      alerts.push(alert(incident, 'declared', {
        title: `${label(incident)} declared${severity}`,
        message: isPrivate(incident) ? OPEN_HINT : incident.name,
      }));
    }
  }
  if (settings.notifyOnWatchedChange) {
    for (const { incident, from, to } of diff.statusChanged) {
      alerts.push(alert(incident, `status-${to.id}-${incident.updated_at}`, {
        title: `${label(incident)} is now ${to.name}`,
        message: isPrivate(incident) ? `Was ${from.name}. ${OPEN_HINT}` : `${incident.name} (was ${from.name})`,
      }));
    }
    for (const { incident, from, to } of diff.severityChanged) {
      const was = from?.name ?? 'no severity';
      alerts.push(alert(incident, `severity-${to?.id ?? 'none'}-${incident.updated_at}`, {
        title: to ? `${label(incident)} severity is now ${to.name}` : `${label(incident)} severity was cleared`,
        message: isPrivate(incident) ? `Was ${was}. ${OPEN_HINT}` : `${incident.name} (was ${was})`,
      }));
    }
  }
  return alerts
    .filter((a) => (snoozes[a.incidentId] ?? 0) <= now)
    .map((a) => ({
      ...a, snoozeMinutes, workspaceId, notificationId: workspaceId ? `${workspaceId}/${a.notificationId}` : a.notificationId,
    }));
}

/** Chrome shows two buttons at most: the preset chosen last, then the next one (wrapping round). */
export function snoozeChoices(lastMinutes: number): [number, number] {
  const presets: readonly number[] = SNOOZE_PRESETS_MINUTES;
  const known = presets.includes(lastMinutes) ? lastMinutes : DEFAULT_SETTINGS.lastSnoozeMinutes;
  const first = presets.indexOf(known);
  const rotated = [...presets.slice(first), ...presets.slice(0, first)];
  // There are three presets, so both positions exist.
  return [rotated[0], rotated[1]] as [number, number];
}

/** "15 min", "1 h", "4 h". */
const isPrivate = (incident: Incident) => incident.visibility !== 'public';
const label = (incident: Incident) => (isPrivate(incident) ? `Private incident ${incident.reference}` : incident.reference);

function alert(incident: Incident, change: string, text: { title: string; message: string }): Omit<Alert, 'snoozeMinutes' | 'workspaceId'> {
  return {
    notificationId: `incident:${incident.id}:${change}`,
    incidentId: incident.id,
    reference: incident.reference,
    title: clip(text.title, MAX_TITLE_CHARS),
    message: clip(text.message, MAX_MESSAGE_CHARS),
  };
}

/**
 * Shows the alerts not raised before. The ledger is written first: if the worker is stopped midway,
 * a restart may miss a notification but never shows one twice.
 */
export async function raiseAlerts(alerts: Alert[], now: number): Promise<void> {
  const ledger = await alertsItem.get();
  const fresh = alerts.filter((a) => !Object.hasOwn(ledger, a.notificationId));
  if (fresh.length === 0) return;
  const added: [string, AlertRecord][] = fresh.map((a) => [
    a.notificationId, {
      incidentId: a.incidentId, reference: a.reference, snoozeMinutes: a.snoozeMinutes, raisedAt: now,
      ...(a.workspaceId ? { workspaceId: a.workspaceId } : {}),
    },
  ]);
  const kept = [...Object.entries(ledger), ...added].sort(([, a], [, b]) => b.raisedAt - a.raisedAt).slice(0, MAX_REMEMBERED);
  await alertsItem.set(Object.fromEntries(kept));
  // allSettled: a notification Chrome refuses (notifications off for Chrome) must not fail the poll.
  await Promise.allSettled(fresh.map((a) => browser.notifications.create(a.notificationId, {
    type: 'basic',
    iconUrl: NOTIFICATION_ICON,
    title: a.title,
    message: a.message,
    buttons: a.snoozeMinutes.map((minutes) => ({ title: `Snooze ${snoozeLabel(minutes)}` })),
  })));
}

/** Chrome refuses a notification without an icon (public/icon/128.png ships with the build). */
const NOTIFICATION_ICON = '/icon/128.png';

/**
 * What alerts need of the workspaces (workspaces.ts, passed in: it imports this module's callers).
 * `switchTo` makes a workspace active; `snoozeIn` snoozes an incident of an inactive one in its stash.
 */
export interface AlertWorkspaces {
  activeId(): Promise<string | null>;
  switchTo(workspaceId: string): Promise<void>;
  snoozeIn(workspaceId: string, incidentId: string, until: number): Promise<void>;
}

/**
 * A click opens the incident in the side panel (if Chrome allows it here; otherwise on next open).
 * An alert of another workspace switches to it first: its reference means another incident (or
 * none) in the active one.
 */
export async function openAlert(notificationId: string, workspaces?: AlertWorkspaces): Promise<void> {
  const record = (await alertsItem.get())[notificationId];
  await browser.notifications.clear(notificationId);
  if (!record) return;
  if (record.workspaceId && workspaces && (await workspaces.activeId()) !== record.workspaceId) {
    await workspaces.switchTo(record.workspaceId);
  }
  await panelIntentItem.set({ kind: 'incident', ref: record.reference });
  const window = await browser.windows.getLastFocused().catch(() => undefined);
  await openSidePanel(undefined, window?.id);
}

/** A snooze button: silence that incident for the preset shown and offer that preset first next time. */
export async function snoozeFromAlert(notificationId: string, buttonIndex: number, now: number, workspaces?: AlertWorkspaces): Promise<void> {
  const record = (await alertsItem.get())[notificationId];
  await browser.notifications.clear(notificationId);
  const minutes = record?.snoozeMinutes[buttonIndex];
  if (!record || minutes === undefined) return;
  // Another workspace's incident: its snooze lives in that workspace's stash, where its poll reads it.
  if (record.workspaceId && workspaces && (await workspaces.activeId()) !== record.workspaceId) {
    await workspaces.snoozeIn(record.workspaceId, record.incidentId, now + minutes * 60_000);
    await rememberSnoozePreset(minutes);
  } else {
    await snoozeIncident(record.incidentId, minutes, now);
  }
}

/** Forgets a removed workspace's alerts: its ledger entries and the notifications still on screen. */
export async function forgetWorkspaceAlerts(workspaceId: string): Promise<void> {
  const ledger = await alertsItem.get();
  const gone = Object.keys(ledger).filter((id) => ledger[id]?.workspaceId === workspaceId);
  if (gone.length === 0) return;
  await alertsItem.set(Object.fromEntries(Object.entries(ledger).filter(([id]) => !gone.includes(id))));
  await Promise.allSettled(gone.map((id) => browser.notifications.clear(id)));
}

/** Call synchronously at background start-up so a click that wakes the worker is handled. */
export function registerAlertHandlers(workspaces?: AlertWorkspaces): void {
  browser.notifications.onClicked.addListener((id) => void openAlert(id, workspaces));
  browser.notifications.onButtonClicked.addListener((id, index) => void snoozeFromAlert(id, index, Date.now(), workspaces));
}
