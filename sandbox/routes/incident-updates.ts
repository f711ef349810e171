import { isVisibleTo } from '../state';
import { DEFAULT_PAGE_SIZE } from './incidents-read';
import { paginate, type Route } from './types';

export const listIncidentUpdates: Route = {
  requires: { role: 'viewer', action: 'view incidents' },
  handle: ({ state, key, query }) => {
    // incident_id must be the ULID: a reference number matches nothing, silently, as at incident.io.
    const incidentId = query.incident_id as string | undefined;
    const visibleIds = new Set(state.incidents.filter((i) => isVisibleTo(i, key)).map((i) => i.id));
    // Stable sort over reversed insertion order: updates made in the same millisecond stay newest first.
    const newestFirst = [...state.updates].reverse().sort((a, b) => b.created_at.localeCompare(a.created_at));
    const { page, meta } = paginate(
      newestFirst,
      (update) => visibleIds.has(update.incident_id) && (incidentId === undefined || update.incident_id === incidentId),
      Number(query.page_size ?? DEFAULT_PAGE_SIZE),
      query.after as string | undefined,
    );
    return { status: 200, body: { incident_updates: page, pagination_meta: meta } };
  },
};
