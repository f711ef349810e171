import { describe, expect, it, vi } from 'vitest';
import { incidentCard } from '@/lib/background/incident-card';
import { makeIncident, severity, status } from '@/lib/background/test-fixtures';
import type { IncidentUpdate } from '@/lib/incident-io/schemas';
import { cardInfo, createCardLookup } from './card-lookup';
import { cardLines } from './hover-card';

const incident = makeIncident(123, { name: 'Checkout failing', severity: severity.critical, incident_status: status.investigating });
const update = (at: string, message: string): IncidentUpdate => ({
  id: at, incident_id: incident.id, created_at: at, message, new_incident_status: status.investigating, updater: {},
});
const card = (updates: IncidentUpdate[] = [], of = incident) => incidentCard(of, updates);

describe('createCardLookup', () => {
  it('shares one request per reference for 2 s, asks again after, and fresh on request; keeps the last answer', async () => {
    let now = 0;
    const read = vi.fn(async () => card());
    const lookup = createCardLookup(read, () => now);
    expect(lookup.last('INC-123')).toBeUndefined();
    await lookup('INC-123');
    await lookup('INC-123');
    expect(read).toHaveBeenCalledTimes(1);
    await lookup('INC-123', { fresh: true });
    expect(read).toHaveBeenCalledTimes(2);
    now = 2_500;
    await lookup('INC-123');
    expect(read).toHaveBeenCalledTimes(3);
    expect(lookup.last('INC-123')).toMatchObject({ at: 2_500, card: { incident: { reference: 'INC-123' } } });
  });

  it('does not remember failures', async () => {
    const read = vi.fn().mockRejectedValueOnce(new Error('not found')).mockResolvedValue(card());
    const lookup = createCardLookup(read);
    await expect(lookup('INC-123')).rejects.toThrow('not found');
    await expect(lookup('INC-123')).resolves.toMatchObject({ incident: { reference: 'INC-123' } });
  });
});

describe('the hover card text', () => {
  it('shows name, status, severity and the last update (the latest, whatever order the API used)', () => {
    const info = cardInfo(card([update('2026-03-10T11:00:00Z', 'older'), update('2026-03-10T11:20:00Z', 'Rolling back the   gateway config.'), update('2026-03-10T11:10:00Z', 'middle')]));
    expect(cardLines(info, Date.parse('2026-03-10T11:25:00Z'))).toEqual({
      title: 'INC-123: Checkout failing',
      meta: 'Investigating · Critical',
      update: 'Updated 5 min ago: Rolling back the gateway config.',
    });
    expect(info.shareable).toBe(true);
  });

  it('falls back to the incident’s own update time and clips long messages', () => {
    const bare = cardLines(cardInfo(card([], { ...incident, severity: undefined })), Date.parse('2026-03-10T11:30:30Z'));
    expect(bare.meta).toBe('Investigating · No severity');
    expect(bare.update).toBe('Updated just now');
    const long = cardLines(cardInfo(card([update('2026-03-10T11:20:00Z', 'x '.repeat(200))])), Date.parse('2026-03-10T11:25:00Z'));
    expect(long.update.length).toBeLessThanOrEqual('Updated 5 min ago: '.length + 160);
    expect(long.update.endsWith('…')).toBe(true);
  });

  it('names the workspace when the agent has several (INC-1 exists in each)', () => {
    const labelled = card();
    const info = cardInfo({ ...labelled, incident: { ...labelled.incident, workspace: { name: 'Globex Inc', active: true } } });
    expect(cardLines(info, Date.parse('2026-03-10T11:30:30Z')).meta).toBe('Investigating · Critical · Globex Inc');
  });

  it('offers no insert for a drill', () => {
    expect(cardInfo(card([], { ...incident, mode: 'test' })).shareable).toBe(false);
  });
});
