import { searchCatalog } from '@/lib/incident-io/catalog-search';
import { controlFor } from '@/lib/incident-io/custom-field-values';
import type { Handlers } from '@/lib/messaging/handle';
import { CATALOG_SEARCH_PAGE } from '@/lib/messaging/fields-protocol';
import { customerFieldIds, requesterIdentifiers } from '@/lib/suggest/customer';
import { connectedClient } from './client';

/** The declare form's custom fields and catalog searches, read for the agent's own pages only. */
export const customFieldHandlers: Pick<Handlers, 'fields/list' | 'catalog/search' | 'catalog/requester'> = {
  'fields/list': async () => {
    const client = await connectedClient();
    // Fields of a type this build can't edit are not offered (open enum: incident.io may add types).
    const fields = (await client.listCustomFields()).filter((field) => controlFor(field) !== undefined);
    // A key without catalog_viewer can't read catalog types: then no field counts as a customer field.
    const types = fields.some((f) => controlFor(f) === 'catalog') ? client.listCatalogTypes().catch(() => []) : Promise.resolve([]);
    const options = await Promise.all(fields.map((field) => {
      const control = controlFor(field);
      return control === 'select' || control === 'multiselect' ? client.listCustomFieldOptions(field.id) : Promise.resolve([]);
    }));
    const customer = customerFieldIds(fields, await types);
    return {
      fields: fields.map((field, i) => ({
        field, options: [...(options[i] ?? [])].sort((a, b) => a.sort_key - b.sort_key), customer: customer.has(field.id),
      })),
    };
  },
  'catalog/search': async ({ catalogTypeId, query, after }) => {
    const result = await searchCatalog(await connectedClient(), catalogTypeId, query, { limit: CATALOG_SEARCH_PAGE, after });
    return {
      entries: result.entries.slice(0, CATALOG_SEARCH_PAGE).map((e) => ({ id: e.id, name: e.name })),
      ...(result.after ? { after: result.after } : {}),
    };
  },
  'catalog/requester': async ({ catalogTypeId, requester }) => {
    const client = await connectedClient();
    for (const identifier of requesterIdentifiers(requester)) {
      const [entry] = (await client.listCatalogEntries({ catalogTypeId, identifier, pageSize: 1 })).entries;
      if (entry) return { entry: { id: entry.id, name: entry.name } };
    }
    return { entry: null };
  },
};
