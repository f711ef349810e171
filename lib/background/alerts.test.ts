import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { alertsItem, panelIntentItem, settingsItem, snoozesItem } from '@/lib/storage';
import {
  type Alert, decideAlerts, openAlert, raiseAlerts, registerAlertHandlers, snoozeChoices, snoozeFromAlert,
} from './alerts';
import type { SnapshotDiff } from './diff';
import { edited, makeIncident, severity, status } from './test-fixtures';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const none: SnapshotDiff = { declared: [], statusChanged: [], severityChanged: [] };
const checkout = makeIncident(123, { name: 'Checkout failing', severity: severity.critical });
const secret = makeIncident(12, { name: 'Leaked credentials at Acme', visibility: 'private', severity: severity.major });

function decide(diff: Partial<SnapshotDiff>, settings: Partial<Settings> = {}, snoozes: Record<string, number> = {}) {
  return decideAlerts({ ...none, ...diff }, { settings: { ...DEFAULT_SETTINGS, ...settings }, snoozes, now: NOW });
}
const text = (alerts: Alert[]) => alerts.map(({ title, message }) => ({ title, message }));

describe('decideAlerts', () => {
  it('announces a declared incident by reference, severity and name', () => {
    expect(text(decide({ declared: [checkout] }))).toEqual([{ title: 'INC-123 declared (Critical)', message: 'Checkout failing' }]);
  });

  it('announces a private incident without its name', () => {
    const [alert] = decide({ declared: [secret] });
    expect(alert?.title).toBe('Private incident INC-12 declared (Major)');
    expect(JSON.stringify(alert)).not.toContain('Leaked');
  });

  it('announces status and severity changes of watched incidents', () => {
    const moved = edited(checkout, { incident_status: status.monitoring, severity: severity.major });
    expect(text(decide({
      statusChanged: [{ incident: moved, from: status.investigating, to: status.monitoring }],
      severityChanged: [{ incident: moved, from: severity.critical, to: severity.major }],
    }))).toEqual([
      { title: 'INC-123 is now Monitoring', message: 'Checkout failing (was Investigating)' },
      { title: 'INC-123 severity is now Major', message: 'Checkout failing (was Critical)' },
    ]);
  });

  it('keeps a private incident unnamed when its status changes', () => {
    const [alert] = decide({ statusChanged: [{ incident: secret, from: status.investigating, to: status.closed }] });
    expect(alert).toMatchObject({ title: 'Private incident INC-12 is now Closed', message: 'Was Investigating. Click to open it in Incident Copilot.' });
  });

  it('says so when a severity is cleared', () => {
    const [alert] = decide({ severityChanged: [{ incident: checkout, from: severity.minor, to: undefined }] });
    expect(alert?.title).toBe('INC-123 severity was cleared');
  });

  it('respects the notification settings', () => {
    const diff = { declared: [checkout], statusChanged: [{ incident: secret, from: status.investigating, to: status.closed }] };
    expect(decide(diff, { notifyOnDeclared: false }).map((a) => a.incidentId)).toEqual([secret.id]);
    expect(decide(diff, { notifyOnWatchedChange: false }).map((a) => a.incidentId)).toEqual([checkout.id]);
    expect(decide(diff, { notifyOnDeclared: false, notifyOnWatchedChange: false })).toEqual([]);
  });

  it('stays quiet about a snoozed incident until the snooze ends', () => {
    expect(decide({ declared: [checkout] }, {}, { [checkout.id]: NOW + 1 })).toEqual([]);
    expect(decide({ declared: [checkout] }, {}, { [checkout.id]: NOW })).toHaveLength(1);
  });

  it('gives each change its own notification id naming the incident', () => {
    const first = edited(checkout, { incident_status: status.monitoring }, '2026-03-10T11:50:00.000Z');
    const again = edited(checkout, { incident_status: status.monitoring }, '2026-03-10T11:58:00.000Z');
    const ids = decide({ declared: [checkout], statusChanged: [
      { incident: first, from: status.investigating, to: status.monitoring },
      { incident: again, from: status.investigating, to: status.monitoring },
    ] }).map((a) => a.notificationId);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toContain(checkout.id);
  });

  it('caps long names', () => {
    const [alert] = decide({ declared: [makeIncident(1, { name: 'x'.repeat(500) })] });
    expect(alert?.message.length).toBeLessThanOrEqual(200);
    expect(alert?.message.endsWith('…')).toBe(true);
  });
});

describe('snoozeChoices', () => {
  it.each([[15, [15, 60]], [60, [60, 240]], [240, [240, 15]], [45, [60, 240]]])(
    'last chose %i min → buttons %j', (last, expected) => expect(snoozeChoices(last)).toEqual(expected),
  );
});

describe('raising and answering notifications', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ icons: { 16: 'icon/16.png', 128: 'icon/128.png' } } as never);
  });

  it('shows one notification per new change with two snooze buttons, and never the same change twice', async () => {
    const alerts = decide({ declared: [checkout, secret] }, { lastSnoozeMinutes: 240 });
    await raiseAlerts(alerts, NOW);
    await raiseAlerts(alerts, NOW + 60_000);
    const shown = fakeBrowser.notifications.getAllCreateOptions();
    expect(Object.keys(shown)).toHaveLength(2);
    const options = shown[alerts[0]!.notificationId];
    expect(options).toMatchObject({
      type: 'basic', iconUrl: '/icon/128.png', title: 'INC-123 declared (Critical)',
      buttons: [{ title: 'Snooze 4 h' }, { title: 'Snooze 15 min' }],
    });
  });

  it('opens the incident in the side panel when clicked', async () => {
    const [alert] = decide({ declared: [checkout] });
    await raiseAlerts([alert!], NOW);
    vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockResolvedValue({ id: 7 } as never);
    const open = vi.spyOn(fakeBrowser.sidePanel, 'open').mockRejectedValue(new Error('needs a user gesture'));
    await openAlert(alert!.notificationId);
    expect(await panelIntentItem.get()).toEqual({ kind: 'incident', ref: 'INC-123' });
    expect(open).toHaveBeenCalledWith({ windowId: 7 });
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
  });

  it('snoozes the incident for the button pressed and offers that preset first next time', async () => {
    const [alert] = decide({ declared: [checkout] }, { lastSnoozeMinutes: 60 });
    await raiseAlerts([alert!], NOW);
    await snoozeFromAlert(alert!.notificationId, 1, NOW);
    expect(await snoozesItem.get()).toEqual({ [checkout.id]: NOW + 240 * 60_000 });
    expect((await settingsItem.get()).lastSnoozeMinutes).toBe(240);
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
  });

  it('answers clicks and buttons through the listeners registered at start-up', async () => {
    registerAlertHandlers();
    const [alert] = decide({ declared: [checkout] }, { lastSnoozeMinutes: 15 });
    await raiseAlerts([alert!], NOW);
    await fakeBrowser.notifications.onButtonClicked.trigger(alert!.notificationId, 0);
    await vi.waitFor(async () => expect(Object.keys(await snoozesItem.get())).toEqual([checkout.id]));
    expect((await settingsItem.get()).lastSnoozeMinutes).toBe(15);
  });

  it('remembers what each notification was for in storage, so a restarted worker can answer its buttons', async () => {
    const [alert] = decide({ declared: [secret] });
    await raiseAlerts([alert!], NOW);
    expect((await alertsItem.get())[alert!.notificationId])
      .toEqual({ incidentId: secret.id, reference: 'INC-12', snoozeMinutes: [60, 240], raisedAt: NOW });
  });
});
