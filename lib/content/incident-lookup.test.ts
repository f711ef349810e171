import { describe, expect, it, vi } from 'vitest';
import { makeIncident, severity, status } from '@/lib/background/test-fixtures';
import type { IncidentUpdate } from '@/lib/incident-io/schemas';
import { cardLines } from './hover-card';
import { cardInfo, createIncidentLookup } from './incident-lookup';

const incident = makeIncident(123, { name: 'Checkout failing', severity: severity.critical, incident_status: status.investigating });
const update = (at: string, message: string): IncidentUpdate => ({
  id: at, incident_id: incident.id, created_at: at, message, new_incident_status: status.investigating, updater: {},
});

describe('createIncidentLookup', () => {
  it('asks once per reference within a minute, again after, and fresh on request', async () => {
    let now = 0;
    const reads = { getIncident: vi.fn(async () => incident), listUpdates: vi.fn(async () => []) };
    const lookup = createIncidentLookup(reads, () => now);
    await lookup('INC-123');
    await lookup('INC-123');
    expect(reads.getIncident).toHaveBeenCalledTimes(1);
    await lookup('INC-123', { fresh: true });
    expect(reads.getIncident).toHaveBeenCalledTimes(2);
    now = 61_000;
    await lookup('INC-123');
    expect(reads.getIncident).toHaveBeenCalledTimes(3);
  });

  it('does not remember failures', async () => {
    const reads = { getIncident: vi.fn().mockRejectedValueOnce(new Error('not found')).mockResolvedValue(incident), listUpdates: vi.fn(async () => []) };
    const lookup = createIncidentLookup(reads);
    await expect(lookup('INC-123')).rejects.toThrow('not found');
    await expect(lookup('INC-123')).resolves.toMatchObject({ incident });
  });

  it('picks the latest update whatever order the API used', async () => {
    const reads = {
      getIncident: async () => incident,
      listUpdates: async () => [update('2026-03-10T11:00:00Z', 'older'), update('2026-03-10T11:20:00Z', 'newest'), update('2026-03-10T11:10:00Z', 'middle')],
    };
    expect((await createIncidentLookup(reads)('INC-123')).latest?.message).toBe('newest');
  });
});

describe('the hover card text', () => {
  it('shows name, status, severity and the last update', () => {
    const info = cardInfo({ incident, latest: update('2026-03-10T11:20:00Z', 'Rolling back the   gateway config.') });
    expect(cardLines(info, Date.parse('2026-03-10T11:25:00Z'))).toEqual({
      title: 'INC-123: Checkout failing',
      meta: 'Investigating · Critical',
      update: 'Updated 5 min ago: Rolling back the gateway config.',
    });
  });

  it('falls back to the incident’s own update time and clips long messages', () => {
    const bare = cardLines(cardInfo({ incident: { ...incident, severity: undefined }, latest: null }), Date.parse('2026-03-10T11:30:30Z'));
    expect(bare.meta).toBe('Investigating · No severity');
    expect(bare.update).toBe('Updated just now');
    const long = cardLines(cardInfo({ incident, latest: update('2026-03-10T11:20:00Z', 'x '.repeat(200)) }), Date.parse('2026-03-10T11:25:00Z'));
    expect(long.update.length).toBeLessThanOrEqual('Updated 5 min ago: '.length + 160);
    expect(long.update.endsWith('…')).toBe(true);
  });
});
