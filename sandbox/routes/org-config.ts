import { entryMatchesIdentifier, type CatalogType } from '../directory';
import { fieldError, notFound } from '../errors';
import { paginate, type Route } from './types';

/** Roles granting each endpoint's `x-rbac-scopes` (openapi.json lists scopes; identity lists roles). */
const SEE_SETTINGS = { role: 'viewer', action: 'view custom fields and incident roles' } as const;
const SEE_CATALOG = { role: ['catalog_viewer', 'catalog_editor'], action: 'view the catalog' } as const;

const pageSize = (query: Record<string, unknown>, fallback = 25): number => (typeof query.page_size === 'number' ? query.page_size : fallback);
const after = (query: Record<string, unknown>): string | undefined => (typeof query.after === 'string' ? query.after : undefined);

/** `GET /v2/custom_fields` (custom_fields.view). */
export const listCustomFields: Route = {
  requires: SEE_SETTINGS,
  handle: ({ state }) => ({ status: 200, body: { custom_fields: state.directory.customFields } }),
};

/** `GET /v1/custom_field_options?custom_field_id=` (custom_fields.view), paged in sort_key order. */
export const listCustomFieldOptions: Route = {
  requires: SEE_SETTINGS,
  handle: ({ state, query }) => {
    const fieldId = String(query.custom_field_id);
    if (!state.directory.customFields.some((f) => f.id === fieldId)) throw fieldError('custom_field_id', 'invalid_value', `No custom field with id ${fieldId}`);
    const ordered = state.directory.customFieldOptions.filter((o) => o.custom_field_id === fieldId).sort((a, b) => a.sort_key - b.sort_key);
    const { page, meta } = paginate(ordered, () => true, pageSize(query), after(query));
    return { status: 200, body: { custom_field_options: page, pagination_meta: meta } };
  },
};

/** `GET /v2/incident_roles` (incident_roles.view). */
export const listIncidentRoles: Route = {
  requires: SEE_SETTINGS,
  handle: ({ state }) => ({
    status: 200,
    body: { incident_roles: state.incidentRoles.map(({ required: _required, ...role }) => role) },
  }),
};

const v2Type = ({ use_name_as_identifier: _u, ...type }: CatalogType) => type;

/** `GET /v2/catalog_types` (catalog_types.view). */
export const listCatalogTypes: Route = {
  requires: SEE_CATALOG,
  handle: ({ state }) => ({ status: 200, body: { catalog_types: state.directory.catalogTypes.map(v2Type) } }),
};

function entriesPage(ctx: Parameters<Route['handle']>[0], withIdentifier: boolean) {
  const { state, query } = ctx;
  const type = state.directory.catalogTypes.find((t) => t.id === query.catalog_type_id);
  if (!type) throw notFound('catalog type');
  const identifier = withIdentifier && typeof query.identifier === 'string' ? query.identifier : undefined;
  const ordered = state.directory.catalogEntries.filter((e) => e.catalog_type_id === type.id);
  const { page, meta, total } = paginate(ordered, (e) => identifier === undefined || entryMatchesIdentifier(e, type, identifier), pageSize(query), after(query));
  return { type, page, meta, total };
}

/** `GET /v2/catalog_entries` (catalog_entries.view): paged, no identifier filter. */
export const listCatalogEntriesV2: Route = {
  requires: SEE_CATALOG,
  handle: (ctx) => {
    const { type, page, meta } = entriesPage(ctx, false);
    return { status: 200, body: { catalog_type: v2Type(type), catalog_entries: page, pagination_meta: meta } };
  },
};

/** `GET /v3/catalog_entries` (catalog_entries.view): paged, `identifier` matches id, external id, aliases (and name if the type says so). */
export const listCatalogEntriesV3: Route = {
  requires: SEE_CATALOG,
  handle: (ctx) => {
    const { type, page, meta, total } = entriesPage(ctx, true);
    return { status: 200, body: { catalog_type: { ...type, engine_resource_type: `CatalogEntry["${type.id}"]` }, catalog_entries: page, pagination_meta: { ...meta, total_record_count: total } } };
  },
};
