import { queryOptions } from '@tanstack/react-query';
import { send } from '@/lib/messaging/send';

/** The organisation's numeric custom fields (Settings' ticket count field). Fields rarely change. */
export const numericFieldsQuery = () => queryOptions({
  queryKey: ['customfields', 'numeric'] as const, queryFn: () => send('customfields/numeric', {}), staleTime: 5 * 60_000,
});

/**
 * The org's custom fields (with select options) for the declare form. Fetched when the form has
 * painted (the query runs after mount), never on the panel's first rows' path; fields change rarely.
 */
export const customFieldsQuery = () => queryOptions({
  queryKey: ['custom-fields'] as const,
  queryFn: async () => (await send('fields/list', {})).fields,
  staleTime: 10 * 60_000,
});

/** One page of a catalog type's matches (≤ 25): asked per debounced keystroke, kept briefly. */
export const catalogSearchQuery = (catalogTypeId: string, query: string) => queryOptions({
  queryKey: ['catalog-search', catalogTypeId, query.trim().toLowerCase()] as const,
  queryFn: async () => (await send('catalog/search', { catalogTypeId, query: query.trim() })).entries,
  staleTime: 60_000,
});
