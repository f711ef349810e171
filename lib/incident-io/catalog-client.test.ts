import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createIncidentIoClient } from './client';

// The published schema's own example bodies (copied from openapi.json's 200 examples): the client is
// built to incident.io's contract, not to our sandbox's answers.
const examples = JSON.parse(readFileSync(new URL('./catalog-examples.test-data.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const example = (p: string) => examples[p];

function clientAnswering(body: unknown) {
  const calls: string[] = [];
  const client = createIncidentIoClient({
    baseUrl: 'https://api.incident.io',
    apiKey: 'k',
    fetch: (async (input: RequestInfo | URL) => {
      calls.push(String(input));
      return new Response(JSON.stringify(body), { status: 200 });
    }) as typeof fetch,
  });
  return { client, calls };
}

describe('catalog and custom field reads (customer-aware suggestions)', () => {
  it('finds catalog entries of one type by identifier', async () => {
    const { client, calls } = clientAnswering(example('/v3/catalog_entries'));
    const { entries } = await client.listCatalogEntries({ catalogTypeId: '01FCNDV6P870EA6S7TK1DSYDG0', identifier: 'acme.com' });
    expect(entries[0]).toMatchObject({ name: 'Primary On-call', aliases: ['lawrence@incident.io', 'lawrence'] });
    const url = new URL(calls[0]!);
    expect(url.pathname).toBe('/v3/catalog_entries');
    expect(Object.fromEntries(url.searchParams)).toEqual({ catalog_type_id: '01FCNDV6P870EA6S7TK1DSYDG0', identifier: 'acme.com', page_size: '25' });
  });

  it('lists custom fields with their catalog type and catalog types with their categories', async () => {
    const fields = await clientAnswering(example('/v2/custom_fields')).client.listCustomFields();
    expect(fields[0]).toMatchObject({ catalog_type_id: expect.any(String), name: expect.any(String) });
    // v2 and v3 catalog types share these required fields; the example is v3's.
    const types = await clientAnswering(example('/v3/catalog_types')).client.listCatalogTypes();
    expect(types[0]).toMatchObject({ categories: expect.any(Array), type_name: expect.any(String) });
  });

  it('an answer that breaks the schema is "malformed", not a crash', async () => {
    await expect(clientAnswering({ catalog_entries: [{ id: 1 }] }).client.listCatalogEntries({ catalogTypeId: 't', identifier: 'x' })).rejects.toMatchObject({ kind: 'malformed' });
  });
});
