import { describe, expect, it } from 'vitest';
import { makeIncident } from '@/lib/background/test-fixtures';
import { customerStatusPageText, type StatusPageWording } from './status-snippet';

const NOW = new Date('2026-03-12T16:30:00Z');
const incident = makeIncident(123, { name: 'Checkout failing (internal: bad deploy by payments squad)' });
const page: StatusPageWording = {
  name: 'Elevated checkout errors',
  status: 'identified',
  latest: { message: 'We have **identified** the cause and are rolling out a fix.\n\n- Card payments\n- [Invoices](https://acme.com/x)', published_at: '2026-03-12T14:05:00Z' },
  publicUrl: 'https://status.acme.com',
};

describe('customerStatusPageText', () => {
  it('uses the public name, the latest public update as plain text with its time, and ends with the page URL', () => {
    expect(customerStatusPageText(incident, page, NOW)).toBe(
      'Update on "Elevated checkout errors": We have identified the cause and are rolling out a fix. Card payments. Invoices (Posted 14:05 UTC.) Follow updates at https://status.acme.com/',
    );
  });

  it('never uses the internal name, and words the public status when there is no update yet', () => {
    const text = customerStatusPageText(incident, { ...page, latest: null, status: 'monitoring' }, NOW);
    expect(text).toBe('Update on "Elevated checkout errors": A fix is being monitored. Follow updates at https://status.acme.com/');
    expect(text).not.toContain('internal');
  });

  it('drops a public URL that is not http(s), and links inside the update', () => {
    const text = customerStatusPageText(incident, { ...page, publicUrl: 'javascript:alert(1)', latest: { message: 'Fixed, see https://evil.example/x', published_at: 'bad' } }, NOW);
    expect(text).toBe('Update on "Elevated checkout errors": Fixed, see');
  });

  it('private, test and tutorial incidents: nothing, as today', () => {
    for (const overrides of [{ visibility: 'private' as const }, { mode: 'test' as const }, { mode: 'tutorial' as const }]) {
      expect(customerStatusPageText({ ...incident, ...overrides }, page, NOW)).toBeNull();
    }
  });
});
