import { describe, expect, it } from 'vitest';
import { declarePrefillSchema } from '@/lib/panel-intent';
import { declarePrefill, MAX_NAME_CHARS, nameFromText } from './declare-prefill';

const page = { title: 'Checkout failing – Acme Support – Zendesk', url: 'https://acme.zendesk.com/agent/tickets/48213' };

describe('nameFromText', () => {
  it.each([
    ['Checkout fails since 09:00 UTC. Customers in France see error 502.', 'Checkout fails since 09:00 UTC'],
    ['Is checkout down? Three customers say so.', 'Is checkout down'],
    ['  Payments broken!!  ', 'Payments broken'],
    ['Logins fail for e.g. the EU tenants after v1.2 shipped.', 'Logins fail for e.g. the EU tenants after v1.2 shipped'],
    ['First line wins\nsecond line is detail', 'First line wins'],
    ['\n\n   \nAfter blank lines: the text', 'After blank lines: the text'],
    ['Error: "timeout" (', 'Error: "timeout'],
  ])('%j → %j', (text, name) => {
    expect(nameFromText(text)).toBe(name);
  });

  it('cuts a long sentence at a word boundary within the limit, without trailing punctuation', () => {
    const text = 'Customers in every European region report that the checkout page spins forever, then fails, and refunds are also delayed';
    const name = nameFromText(text);
    expect(name.length).toBeLessThanOrEqual(MAX_NAME_CHARS);
    expect(text.startsWith(name)).toBe(true);
    expect(text.charAt(name.length)).toMatch(/[ ,]/);
    expect(name).toBe('Customers in every European region report that the checkout page spins forever');
  });

  it('cuts one enormous word hard', () => {
    expect(nameFromText('x'.repeat(200))).toBe('x'.repeat(MAX_NAME_CHARS));
  });

  it('is empty for whitespace', () => {
    expect(nameFromText(' \n\t ')).toBe('');
  });
});

describe('declarePrefill', () => {
  it('context menu: name from the selection, summary with the whole selection and its source', () => {
    const selection = 'Checkout fails since 09:00 UTC. Customers in France see error 502.';
    expect(declarePrefill({ selection, source: page })).toEqual({
      name: 'Checkout fails since 09:00 UTC',
      summary: `${selection}\n\nSource: Checkout failing – Acme Support – Zendesk\nhttps://acme.zendesk.com/agent/tickets/48213`,
    });
  });

  it('shortcut on a ticket without a selection: named after the subject', () => {
    expect(declarePrefill({ source: page, subject: 'Checkout failing for EU customers' })).toEqual({
      name: 'Checkout failing for EU customers',
      summary: 'Source: Checkout failing – Acme Support – Zendesk\nhttps://acme.zendesk.com/agent/tickets/48213',
    });
  });

  it('a selection wins over the subject', () => {
    expect(declarePrefill({ selection: 'Refunds stuck.', source: page, subject: 'Other' }).name).toBe('Refunds stuck');
  });

  it('an untitled page names only its URL', () => {
    expect(declarePrefill({ source: { title: '', url: 'https://example.org/x' } })).toEqual({ name: '', summary: 'Source: https://example.org/x' });
  });

  it('stays within the bounds the panel accepts, however much was selected', () => {
    const prefill = declarePrefill({ selection: 'word '.repeat(10_000), source: page });
    expect(declarePrefillSchema.safeParse(prefill).success).toBe(true);
  });
});
