import { z } from 'zod';
import { customFieldOptionSchema, customFieldSchema } from '@/lib/incident-io/schemas';

/** A catalog search answers at most this many entries: the form never holds the catalog. */
export const CATALOG_SEARCH_PAGE = 25;

/** The declare form's custom fields (issue 12 §1): agent-only, never from help-desk pages. */
export const fieldsProtocol = {
  /**
   * The org's custom fields, select fields with their options (every page); catalog-backed fields
   * without. `customer`: its values are entries of a customer catalog (prefilled from a ticket's requester).
   */
  'fields/list': {
    access: 'agent', request: z.object({}).strict(),
    response: z.object({ fields: z.array(z.object({ field: customFieldSchema, options: z.array(customFieldOptionSchema), customer: z.boolean() })) }),
  },
  /** One page of matches in a catalog type (by name, alias, identifier); `after` continues the scan. */
  'catalog/search': {
    access: 'agent',
    request: z.object({ catalogTypeId: z.string().trim().min(1).max(100), query: z.string().max(200), after: z.string().max(200).optional() }),
    response: z.object({ entries: z.array(z.object({ id: z.string(), name: z.string() })).max(CATALOG_SEARCH_PAGE), after: z.string().optional() }),
  },
  /** The catalog entry for a ticket's requester (email domain or organisation, via `identifier`), if one matches. */
  'catalog/requester': {
    access: 'agent',
    request: z.object({
      catalogTypeId: z.string().trim().min(1).max(100),
      requester: z.object({ email: z.string().max(320).optional(), organisation: z.string().max(200).optional() }),
    }),
    response: z.object({ entry: z.nullable(z.object({ id: z.string(), name: z.string() })) }),
  },
} as const;
