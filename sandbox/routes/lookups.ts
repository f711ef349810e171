import type { Route } from './types';

const viewer = { role: 'viewer', action: 'view incidents and settings' } as const;

export const identity: Route = {
  requires: viewer,
  handle: ({ state, key }) => ({
    status: 200,
    body: {
      identity: {
        name: key.name,
        dashboard_url: `https://app.incident.io/${state.org.slug}`,
        roles: key.roles,
        team_roles: [],
        teams: state.org.teams,
      },
    },
  }),
};

export const listStatuses: Route = {
  requires: viewer,
  handle: ({ state }) => ({ status: 200, body: { incident_statuses: state.statuses } }),
};

export const listSeverities: Route = {
  requires: viewer,
  handle: ({ state }) => ({ status: 200, body: { severities: state.severities } }),
};

export const listIncidentTypes: Route = {
  requires: viewer,
  handle: ({ state }) => ({ status: 200, body: { incident_types: state.incidentTypes } }),
};
