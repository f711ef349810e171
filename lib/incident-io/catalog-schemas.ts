import { z } from 'zod/mini';

/**
 * Custom fields and the v3 catalog: what customer-aware suggestions read (issue 11 §1). Only the
 * incident's field entries are part of `incidentSchema` (and so of the side panel's bundle); the
 * list responses are read by the background alone. Non-strict, enums open.
 */

/** `EmbeddedCatalogEntryV1`: a catalog entry as an incident's custom field value carries it. */
export const embeddedCatalogEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.optional(z.array(z.string())),
  external_id: z.optional(z.string()),
});
export type EmbeddedCatalogEntry = z.infer<typeof embeddedCatalogEntrySchema>;

/** `CustomFieldEntryV2` on an incident. */
export const customFieldEntrySchema = z.object({
  custom_field: z.object({ id: z.string(), name: z.string(), field_type: z.string() }),
  values: z.array(z.object({
    value_catalog_entry: z.optional(embeddedCatalogEntrySchema),
    value_option: z.optional(z.object({ id: z.string(), value: z.string() })),
    value_text: z.optional(z.string()),
    value_link: z.optional(z.string()),
    value_numeric: z.optional(z.string()),
  })),
});
export type CustomFieldEntry = z.infer<typeof customFieldEntrySchema>;

/** `CustomFieldV2`: `catalog_type_id` is set for catalog-backed fields. */
export const customFieldSchema = z.object({
  id: z.string(),
  name: z.string(),
  field_type: z.string(),
  catalog_type_id: z.optional(z.string()),
});
export type CustomField = z.infer<typeof customFieldSchema>;
export const listCustomFieldsResponseSchema = z.object({ custom_fields: z.array(customFieldSchema) });

/** `CatalogTypeV3`. */
export const catalogTypeSchema = z.object({
  id: z.string(),
  name: z.string(),
  type_name: z.string(),
  categories: z.array(z.string()),
});
export type CatalogType = z.infer<typeof catalogTypeSchema>;
export const listCatalogTypesResponseSchema = z.object({ catalog_types: z.array(catalogTypeSchema) });

/** `CatalogEntryV3` (the parts we match on). */
export const catalogEntrySchema = z.object({
  id: z.string(),
  catalog_type_id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  external_id: z.optional(z.string()),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;
export const listCatalogEntriesResponseSchema = z.object({
  catalog_entries: z.array(catalogEntrySchema),
  pagination_meta: z.object({ after: z.optional(z.string()), page_size: z.number() }),
});
