import { describe, expect, it } from 'vitest';
import type { Incident } from '@/lib/incident-io/schemas';
import { customerSafe, customerStatusText, MAX_CUSTOMER_NAME } from './status-snippet';

const NOW = new Date('2026-03-12T16:30:00Z');

function incident(overrides: Partial<Incident> = {}, status: Partial<Incident['incident_status']> = {}): Incident {
  return {
    id: '01HZX9INTERNALULID000000000',
    reference: 'INC-123',
    name: 'Checkout failing for EU customers',
    summary: 'Root cause: bad deploy by the payments squad; see #inc-123-checkout',
    visibility: 'public',
    mode: 'standard',
    permalink: 'https://app.incident.io/acme/incidents/123',
    slack_channel_id: 'C0SECRET',
    slack_channel_name: 'inc-123-checkout-secret',
    call_url: 'https://meet.example.com/war-room',
    created_at: '2026-03-12T09:02:00Z',
    updated_at: '2026-03-12T14:05:41Z',
    incident_status: { id: '01STATUS', name: 'Investigating', category: 'live', rank: 2, ...status },
    severity: { id: '01SEV', name: 'Critical', rank: 1 },
    incident_role_assignments: [{
      role: { id: '01ROLE', name: 'Incident Lead', role_type: 'lead' },
      assignee: { id: '01USER', name: 'Priya Lead', email: 'priya@acme.example' },
    }],
    creator: { user: { id: '01USER', name: 'Priya Lead' } },
    ...overrides,
  };
}

describe('customerStatusText', () => {
  it('says what is happening in plain words with the last update time in UTC', () => {
    expect(customerStatusText(incident(), undefined, NOW))
      .toBe('Update on "Checkout failing for EU customers": We\'re investigating. Last updated 14:05 UTC.');
  });

  it.each([
    [{ name: 'Triage', category: 'triage' }, "We're investigating"],
    [{ name: 'Fixing', category: 'live' }, "We're investigating"],
    [{ name: 'Monitoring', category: 'live' }, 'A fix is being monitored'],
    [{ name: 'Paused', category: 'paused' }, "We're investigating"],
    [{ name: 'Post-incident', category: 'learning' }, 'Resolved'],
    [{ name: 'Closed', category: 'closed' }, 'Resolved'],
    [{ name: 'Declined', category: 'declined' }, 'Resolved'],
    [{ name: 'Brand new state', category: 'something_new' }, "We're investigating"], // open enum
  ])('%o → %s', (status, phrase) => {
    expect(customerStatusText(incident({}, status), undefined, NOW)).toContain(`: ${phrase}.`);
  });

  it('is only for public incidents that are real', () => {
    expect(customerStatusText(incident({ visibility: 'private' }), undefined, NOW)).toBeNull();
    expect(customerStatusText(incident({ visibility: 'internal_only_future_value' }), undefined, NOW)).toBeNull();
    expect(customerStatusText(incident({ mode: 'test' }), undefined, NOW)).toBeNull();
  });

  it('leaks nothing internal: no people, channels, summary, links or ids', () => {
    const text = customerStatusText(incident(), undefined, NOW)!;
    for (const secret of ['Priya', 'priya@', 'C0SECRET', 'inc-123-checkout', 'Root cause', 'war-room', 'app.incident.io', '01HZX9', 'INC-123', 'Critical']) {
      expect(text).not.toContain(secret);
    }
  });

  it('prefers the latest update time, and names the day when it was not today', () => {
    expect(customerStatusText(incident(), '2026-03-12T15:47:10Z', NOW)).toContain('Last updated 15:47 UTC.');
    expect(customerStatusText(incident(), '2026-03-03T08:00:00Z', NOW)).toContain('Last updated 08:00 UTC on 3 March.');
    expect(customerStatusText(incident(), '2025-12-31T23:59:00Z', NOW)).toContain('Last updated 23:59 UTC on 31 December 2025.');
    expect(customerStatusText(incident(), 'not a date', NOW)).toContain('Last updated 14:05 UTC.');
  });

  it('is one line of plain text even when the name spans lines', () => {
    const text = customerStatusText(incident({ name: 'Checkout\n  failing ' }), undefined, NOW)!;
    expect(text).toBe('Update on "Checkout failing": We\'re investigating. Last updated 14:05 UTC.');
  });

  it.each([
    ['a markdown link', 'Checkout [click here](https://evil.example/login) failing', 'Update on "Checkout click here failing"'],
    ['a markdown image', 'Checkout ![x](https://evil.example/p.png) failing', 'Update on "Checkout x failing"'],
    ['a reference link', 'Checkout [help][1] failing', 'Update on "Checkout help failing"'],
    ['a bare URL', 'Checkout failing, see https://evil.example/reset?t=1', 'Update on "Checkout failing, see"'],
    ['a www host', 'Login broken: visit www.evil.example now', 'Update on "Login broken: visit now"'],
    ['a host with a path', 'Login broken: evil.example/reset now', 'Update on "Login broken: now"'],
    ['an e-mail address', 'Mail down, write to help@evil.example', 'Update on "Mail down, write to"'],
    ['a javascript: link', 'Checkout javascript:alert(1) failing', 'Update on "Checkout failing"'],
    ['HTML tags', 'Checkout <a href="https://evil.example">failing</a><img src=x onerror=alert(1)>', 'Update on "Checkout failing"'],
    ['bidi controls', 'Checkout \u202Egnilaf\u202C \u2066x\u2069\u200F', 'Update on "Checkout gnilaf x"'],
  ])('strips %s from the incident name', (_what, name, start) => {
    const text = customerStatusText(incident({ name }), undefined, NOW)!;
    expect(text.startsWith(`${start}: We're investigating.`)).toBe(true);
    expect(text).not.toMatch(/https?:|www\.|evil\.example|<|>|\]\(|[\u202A-\u202E\u2066-\u2069\u200F]/);
  });

  it('says "Update:" when nothing of the name is left', () => {
    expect(customerStatusText(incident({ name: 'https://evil.example/x' }), undefined, NOW)).toBe("Update: We're investigating. Last updated 14:05 UTC.");
  });
});

describe('customerSafe on huge text', () => {
  it('caps a hostile 100 kB name to what a reply can carry (the patterns then work on at most that)', () => {
    // Unbroken runs like these made the host/path and e-mail patterns backtrack quadratically.
    for (const run of ['A', 'a.', '-a']) {
      const safe = customerSafe(`Huge ${run.repeat(50 * 1024)}`);
      expect(safe.length).toBeLessThanOrEqual(MAX_CUSTOMER_NAME);
      expect(safe.startsWith('Huge ')).toBe(true);
    }
    expect(customerSafe(`Checkout ${'A'.repeat(400)}`)).toMatch(/^Checkout A+…$/);
  });

  it('still removes e-mail addresses wherever they start', () => {
    expect(customerSafe('mail (bob@example.com) or x.y@z.io now')).toBe('mail ( or now');
  });
});
