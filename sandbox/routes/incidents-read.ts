import { notFound } from '../errors';
import { findIncident, isVisibleTo, type Incident, type SandboxState, type ApiKey } from '../state';
import { incidentFilter } from './incident-filters';
import { paginate, type Route } from './types';

export const DEFAULT_PAGE_SIZE = 25;

const viewer = { role: 'viewer', action: 'view incidents' } as const;

/** Newest first (incident.io's default). The sort is stable over creation order, so the cursor is too. */
function sortIncidents(incidents: Incident[], sortBy: unknown): Incident[] {
  const sorted = [...incidents].sort((a, b) => a.created_at.localeCompare(b.created_at));
  return sortBy === 'created_at_oldest_first' ? sorted : sorted.reverse();
}

/** The incident behind an `{id}` path parameter, as this key may see it; 404 otherwise. */
export function visibleIncident(state: SandboxState, key: ApiKey, pathId: string): Incident {
  const incident = findIncident(state, pathId);
  if (!incident || !isVisibleTo(incident, key)) throw notFound('incident');
  return incident;
}

export const listIncidents: Route = {
  requires: viewer,
  handle: ({ state, key, query }) => {
    const matches = incidentFilter(state, query);
    const { page, meta, total } = paginate(
      sortIncidents(state.incidents, query.sort_by),
      (incident) => isVisibleTo(incident, key) && matches(incident),
      Number(query.page_size ?? DEFAULT_PAGE_SIZE),
      query.after as string | undefined,
    );
    return { status: 200, body: { incidents: page, pagination_meta: { ...meta, total_record_count: total } } };
  },
};

export const showIncident: Route = {
  requires: viewer,
  handle: ({ state, key, pathParams }) => ({
    status: 200,
    body: { incident: visibleIncident(state, key, pathParams.id ?? '') },
  }),
};
