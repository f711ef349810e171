import { beforeEach, describe, expect, it, vi } from 'vitest';
import { protocol } from '@/lib/messaging/protocol';

const client = { listCustomFields: vi.fn(), listCustomFieldOptions: vi.fn(), listCatalogTypes: vi.fn(), listCatalogEntries: vi.fn() };
vi.mock('./client', () => ({ connectedClient: async () => client }));
const { customFieldHandlers: handlers } = await import('./custom-fields');

const times = { created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' };
const customers = Array.from({ length: 2000 }, (_, i) => ({
  id: `ce-${String(i).padStart(4, '0')}`, catalog_type_id: 'ct-customer', name: i === 0 ? 'Acme Corp' : `Customer ${i}`, aliases: [`c${i}.com`],
}));

beforeEach(() => {
  vi.clearAllMocks();
  client.listCustomFields.mockResolvedValue([
    { id: 'f-product', name: 'Product area', description: '', field_type: 'single_select', ...times },
    { id: 'f-customers', name: 'Affected customers', description: '', field_type: 'multi_select', catalog_type_id: 'ct-customer', ...times },
    { id: 'f-new', name: 'Future', description: '', field_type: 'sticker', ...times },
  ]);
  client.listCustomFieldOptions.mockResolvedValue([
    { id: 'o-2', custom_field_id: 'f-product', value: 'Search', sort_key: 20 },
    { id: 'o-1', custom_field_id: 'f-product', value: 'Checkout', sort_key: 10 },
  ]);
  client.listCatalogTypes.mockResolvedValue([{ id: 'ct-customer', name: 'Customer', type_name: 'Custom["Customer"]', categories: ['customer'] }]);
  // The API's pages: `identifier` is exact (name or alias here), otherwise pages of `pageSize` after `after`.
  client.listCatalogEntries.mockImplementation(async ({ identifier, pageSize = 25, after }: { identifier?: string; pageSize?: number; after?: string }) => {
    if (identifier) return { entries: customers.filter((c) => c.name === identifier || c.aliases.includes(identifier)).slice(0, pageSize) };
    const start = after ? customers.findIndex((c) => c.id === after) + 1 : 0;
    const entries = customers.slice(start, start + pageSize);
    return { entries, ...(start + pageSize < customers.length ? { after: entries.at(-1)!.id } : {}) };
  });
});

describe('fields/list', () => {
  it('lists the fields it can offer, options in order, catalog fields marked as customer fields', async () => {
    const reply = protocol['fields/list'].response.parse(await handlers['fields/list']({}, { level: 'agent' } as never));
    expect(reply.fields.map((f) => [f.field.id, f.options.map((o) => o.value), f.customer])).toEqual([
      ['f-product', ['Checkout', 'Search'], false],
      ['f-customers', [], true],
    ]);
    expect(client.listCustomFieldOptions).toHaveBeenCalledTimes(1);
  });

  it('still lists the fields when the key may not read catalog types', async () => {
    client.listCatalogTypes.mockRejectedValue(new Error('403'));
    const reply = await handlers['fields/list']({}, { level: 'agent' } as never);
    expect(reply.fields.find((f) => f.field.id === 'f-customers')?.customer).toBe(false);
  });
});

describe('catalog/search', () => {
  it('answers one page of at most 25 matches, never the whole catalog', async () => {
    const reply = protocol['catalog/search'].response.parse(
      await handlers['catalog/search']({ catalogTypeId: 'ct-customer', query: 'Customer 1' }, { level: 'agent' } as never),
    );
    expect(reply.entries).toHaveLength(25);
    expect(reply.entries.every((e) => e.name.startsWith('Customer 1'))).toBe(true);
    expect(reply.after).toBeDefined();
  });

  it('finds an entry by its alias first', async () => {
    const reply = await handlers['catalog/search']({ catalogTypeId: 'ct-customer', query: 'c1999.com' }, { level: 'agent' } as never);
    expect(reply.entries[0]).toEqual({ id: 'ce-1999', name: 'Customer 1999' });
  });
});

describe('catalog/requester', () => {
  it('matches the requester’s email domain, else the organisation, via identifier', async () => {
    const ask = (requester: { email?: string; organisation?: string }) =>
      handlers['catalog/requester']({ catalogTypeId: 'ct-customer', requester }, { level: 'agent' } as never);
    expect(await ask({ email: 'jo@c7.com' })).toEqual({ entry: { id: 'ce-0007', name: 'Customer 7' } });
    expect(await ask({ email: 'jo@gmail.com', organisation: 'Acme Corp' })).toEqual({ entry: { id: 'ce-0000', name: 'Acme Corp' } });
    expect(await ask({ email: 'jo@nobody.example' })).toEqual({ entry: null });
    for (const [opts] of client.listCatalogEntries.mock.calls) expect(opts.identifier).toBeDefined();
  });
});
