import { activeTabQuery } from './active-tab';
import { attachmentsQuery, attachmentsScope } from './attachments';
import { catalogQuery } from './catalog';
import { connectionQuery } from './connection';
import { numericFieldsQuery } from './custom-fields';
import { catalogSearchQuery, customFieldsQuery } from './custom-fields';
import { incidentQuery, incidentScope } from './incident';
import { incidentUpdatesQuery } from './incident-updates';
import { escalationsQuery, onCallNowQuery, onCallOptionsQuery } from './on-call';
import { openIncidentsQuery } from './open-incidents';
import { settingsQuery } from './settings';
import { sitesQuery } from './sites';
import { statusPageIncidentQuery, statusPagesQuery } from './status-pages';
import { watchQuery } from './watch';
import { workspacesQuery } from './workspaces';

/**
 * Every resource's query options in one place to import from (each factory lives in its own file
 * here). Views and mutations take keys from these factories only: `queries.x().queryKey` to set or
 * invalidate one query, the scopes to invalidate a whole family after a write. Every API call goes
 * through the background (it alone holds the key); caches the background shares are read from
 * storage directly (the side panel is a trusted page).
 */
export const queries = {
  connection: connectionQuery,
  settings: settingsQuery,
  catalog: catalogQuery,
  openIncidents: openIncidentsQuery,
  incident: incidentQuery,
  updates: incidentUpdatesQuery,
  attachments: attachmentsQuery,
  watch: watchQuery,
  sites: sitesQuery,
  activeTab: activeTabQuery,
  numericFields: numericFieldsQuery,
  customFields: customFieldsQuery,
  catalogSearch: catalogSearchQuery,
  workspaces: workspacesQuery,
  onCallOptions: onCallOptionsQuery,
  onCallNow: onCallNowQuery,
  escalations: escalationsQuery,
  statusPages: statusPagesQuery,
  statusPageIncident: statusPageIncidentQuery,
  /** Invalidation scopes (no query of their own). */
  allIncidents: () => incidentScope,
  allAttachments: () => attachmentsScope,
};

export { catalogFromBackground, storedCatalog } from './catalog';
export { revalidatedOpenIncidents, storedOpenIncidents } from './open-incidents';
