import { createSeedState, SEED_ANCHOR, SEED_INCIDENTS } from './seed';
import { ulid } from './ulid';
import { incidentNumber, type SandboxState } from './state';

/**
 * A second incident.io organisation (issue 12 §4: the Workspace switcher), with its own key, its
 * own identity name and its own incidents. Answered by the same server: the key picks the org.
 */
export const SECOND_WORKSPACE = {
  key: 'sandbox-globex-key',
  name: 'Globex support (second workspace)',
  slug: 'globex',
  /** Its open incidents: two, so the badge sum differs from either workspace's count. */
  openIncidents: ['Globex: checkout payments failing', 'Globex: delayed order emails'],
} as const;

export function createSecondOrgState(now: number): SandboxState {
  const base = createSeedState(now);
  const keep: number[] = [SEED_INCIDENTS.open, SEED_INCIDENTS.openMajor, SEED_INCIDENTS.closed];
  const incidents = base.incidents
    .filter((incident) => keep.includes(incidentNumber(incident)))
    .map((incident) => {
      const open = keep.indexOf(incidentNumber(incident));
      const name = SECOND_WORKSPACE.openIncidents[open] ?? incident.name;
      return { ...incident, name, permalink: incident.permalink.replace(`/${base.org.slug}/`, `/${SECOND_WORKSPACE.slug}/`) };
    });
  const ids = new Set(incidents.map((incident) => incident.id));
  return {
    ...base,
    org: { ...base.org, slug: SECOND_WORKSPACE.slug, name: 'Globex' },
    keys: [{
      id: ulid(SEED_ANCHOR, `api_key:${SECOND_WORKSPACE.name}`),
      token: SECOND_WORKSPACE.key, name: SECOND_WORKSPACE.name, revoked: false,
      roles: ['viewer', 'incident_creator', 'incident_editor', 'global_access', 'catalog_viewer'],
    }],
    incidents,
    updates: base.updates.filter((update) => ids.has(update.incident_id)),
    attachments: [],
  };
}
