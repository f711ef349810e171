import { describe, expect, it } from 'vitest';
import { makeIncident, severity } from '@/lib/background/test-fixtures';
import type { IncidentAttachment } from '@/lib/incident-io/schemas';
import { toPublicIncident } from '@/lib/messaging/public-incident';
import { forStrip, mostSevere, stripModel, stripShowsSomething } from './strip-model';

const checkout = makeIncident(123, { name: 'Checkout failing for EU customers', severity: severity.critical, created_at: '2026-03-10T09:00:00Z' });
const latency = makeIncident(131, { name: 'Database latency', severity: severity.major, created_at: '2026-03-10T10:00:00Z' });
const emails = makeIncident(134, { name: 'Login emails delayed', created_at: '2026-03-10T11:00:00Z' });
const link = (incidentId: string): IncidentAttachment => ({
  id: `att-${incidentId}`, incident_id: incidentId,
  resource: { external_id: '48213', permalink: 'https://acme.zendesk.com/agent/tickets/48213', title: 'Zendesk #48213', resource_type: 'zendesk_ticket' },
});

describe('stripModel', () => {
  it('says how many are open and names the most severe', () => {
    const model = stripModel({ open: [emails, latency, checkout], attachments: [], pageRefs: ['INC-123'] });
    expect(model?.summary).toBe('3 open incidents · most severe: Checkout failing for EU customers (Critical)');
    expect(model?.mostSevere?.reference).toBe('INC-123');
    expect(model?.pageRefs).toEqual(['INC-123']);
  });

  it('marks a list older than ~15 s with the time it is from, never a fresh one', () => {
    const fetchedAt = new Date(2026, 2, 10, 14, 5).getTime();
    expect(stripModel({ open: [emails], attachments: [], pageRefs: [], fetchedAt, now: fetchedAt + 20_000 })?.summary)
      .toBe('1 open incident · most severe: Login emails delayed (no severity) · as of 14:05');
    expect(stripModel({ open: [emails], attachments: [], pageRefs: [], fetchedAt, now: fetchedAt + 5_000 })?.summary)
      .toBe('1 open incident · most severe: Login emails delayed (no severity)');
  });

  it('uses the singular for one incident and says when it has no severity', () => {
    expect(stripModel({ open: [emails], attachments: [], pageRefs: [] })?.summary).toBe('1 open incident · most severe: Login emails delayed (no severity)');
  });

  it('lists the incidents this ticket is linked to, once each', () => {
    const model = stripModel({ open: [latency, checkout], attachments: [link(checkout.id), link(checkout.id)], pageRefs: [] });
    expect(model?.linked).toEqual([{ id: checkout.id, reference: 'INC-123', name: 'Checkout failing for EU customers', severity: 'Critical' }]);
  });

  it('shows nothing when nothing is open and nothing is linked, even with references on the page', () => {
    expect(stripModel({ open: [], attachments: [], pageRefs: ['INC-123'] })).toBeNull();
  });

  it('says whether it shows anything exactly when the model does', () => {
    const drill = { ...emails, mode: 'test' };
    for (const open of [[], [drill], [emails], [drill, latency]]) {
      expect(stripShowsSomething(open)).toBe(stripModel({ open, attachments: [], pageRefs: [] }) !== null);
    }
  });

  it('does not count drills and tutorials', () => {
    const drill = makeIncident(137, { mode: 'test', severity: severity.critical });
    const tutorial = makeIncident(99, { mode: 'tutorial' });
    expect(stripModel({ open: [drill, tutorial, latency], attachments: [], pageRefs: [] })?.summary).toBe('1 open incident · most severe: Database latency (Major)');
    expect(stripModel({ open: [drill, tutorial], attachments: [], pageRefs: [] })).toBeNull();
  });

  it('ignores a link to an incident the page may not see (not in the public open list)', () => {
    expect(stripModel({ open: [], attachments: [link('01HPRIVATE')], pageRefs: [] })).toBeNull();
  });
});

describe('stripModel with several workspaces', () => {
  const acme = { name: 'Acme support', active: true };
  const globex = { name: 'Globex Inc', active: false };
  // References collide across organisations: INC-123 in both.
  const ours = { ...checkout, workspace: acme };
  const theirs = { ...checkout, id: '01HGLOBEX123', name: 'Globex payments failing', severity: severity.major, workspace: globex };
  const theirsToo = { ...emails, id: '01HGLOBEX134', workspace: globex };

  it('labels each incident with its workspace; another workspace’s are summarised apart, never acted on', () => {
    const model = stripModel({ open: [ours, theirs, theirsToo], attachments: [], pageRefs: [] });
    expect(model?.summary).toBe('1 open incident · most severe: Checkout failing for EU customers (Critical)');
    expect(model?.mostSevere).toMatchObject({ reference: 'INC-123', workspace: 'Acme support' });
    expect(model?.elsewhere).toEqual([{
      workspace: 'Globex Inc',
      summary: '2 open incidents · most severe: Globex payments failing (Major)',
      mostSevere: { id: '01HGLOBEX123', reference: 'INC-123', name: 'Globex payments failing', severity: 'Major', workspace: 'Globex Inc' },
    }]);
  });

  it('keeps the workspace a help-desk reply carries', () => {
    expect(forStrip({ ...toPublicIncident(checkout), workspace: globex }).workspace).toEqual(globex);
  });

  it('shows another workspace’s incidents when the active one has none, and links only the active one’s', () => {
    const model = stripModel({ open: [theirs], attachments: [link(theirs.id)], pageRefs: [] });
    expect(model?.summary).toBeNull();
    expect(model?.linked).toEqual([]);
    expect(model?.elsewhere.map((w) => w.workspace)).toEqual(['Globex Inc']);
  });
});

describe('mostSevere', () => {
  it('ranks by severity, then the newest; unset severities come last', () => {
    const newerCritical = { ...checkout, id: 'x', created_at: '2026-03-10T12:00:00Z' };
    expect(mostSevere([emails, checkout, newerCritical, latency])?.id).toBe('x');
    expect(mostSevere([emails, latency])?.id).toBe(latency.id);
    expect(mostSevere([])).toBeNull();
  });
});
