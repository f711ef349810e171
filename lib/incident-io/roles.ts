/**
 * What an API key may do, from the roles `GET /v1/identity` reports. incident.io has no owner/admin
 * role that implies the others (see IdentityV1.roles in openapi.json), so each capability maps to
 * exactly one role. Unknown roles are ignored: the list grows over time.
 */

interface RolePermission {
  /** The permission's label in incident.io's API key settings. */
  label: string;
  /** What a key without the role can't do, completing "This key can't …". */
  action: string;
}

const ROLE_PERMISSIONS: Record<string, RolePermission> = {
  viewer: { label: 'View data', action: 'read incidents' },
  incident_creator: { label: 'Create incidents', action: 'declare incidents' },
  incident_editor: { label: 'Edit incidents', action: 'edit incidents' },
  // Label inferred from the slug: the schema lists role slugs only.
  global_access: { label: 'Access private incidents', action: 'see private incidents' },
  post_incident_flow_opt_out: {
    label: 'Opt out of post-incident flow',
    action: 'close incidents without the post-incident flow',
  },
  // Labels below are inferred from the slugs (the schema lists slugs only); each grants the
  // `x-rbac-scopes` of the endpoints named beside it in openapi.json.
  escalation_creator: { label: 'Create escalations', action: 'page on-call (POST /v2/escalations)' },
  on_call_viewer: { label: 'View on-call', action: 'see who is on call' },
  schedules_reader: { label: 'View schedules', action: 'see who is on call' },
  status_page_publisher: { label: 'Publish status page updates', action: 'publish to status pages' },
  catalog_viewer: { label: 'View catalog', action: 'search catalog-backed fields' },
};

/** What the key may do beyond the four actions (issue 12), each with why it's missing when it is. */
export interface ExtraCapabilities {
  canPage: boolean;
  canSeeOnCall: boolean;
  canPublish: boolean;
  canUseCatalog: boolean;
  pageReason?: string;
  onCallReason?: string;
  publishReason?: string;
  catalogReason?: string;
}

export function extraCapabilitiesFromRoles(roles: readonly string[]): ExtraCapabilities {
  const has = new Set(roles);
  const canPage = has.has('escalation_creator') || has.has('on_call_editor');
  const canSeeOnCall = has.has('schedules_reader') || has.has('schedules_editor') || has.has('on_call_viewer') || has.has('on_call_editor');
  const canPublish = has.has('status_page_publisher');
  const canUseCatalog = has.has('catalog_viewer') || has.has('catalog_editor');
  return {
    canPage, canSeeOnCall, canPublish, canUseCatalog,
    ...(canPage ? {} : { pageReason: missingRoleSentence('escalation_creator') }),
    ...(canSeeOnCall ? {} : { onCallReason: `${missingRoleSentence('schedules_reader').replace(/\.$/, '')} or on_call_viewer.` }),
    ...(canPublish ? {} : { publishReason: missingRoleSentence('status_page_publisher') }),
    ...(canUseCatalog ? {} : { catalogReason: missingRoleSentence('catalog_viewer') }),
  };
}

export interface Capabilities {
  canCreate: boolean;
  canEdit: boolean;
  canSeePrivate: boolean;
  /** Set when `canCreate` is false: why, and which permission to add. */
  createReason?: string;
  /** Set when `canEdit` is false: why, and which permission to add. */
  editReason?: string;
}

export function capabilitiesFromRoles(roles: readonly string[]): Capabilities {
  const has = new Set(roles);
  const canCreate = has.has('incident_creator');
  const canEdit = has.has('incident_editor');
  return {
    canCreate,
    canEdit,
    canSeePrivate: has.has('global_access'),
    ...(canCreate ? {} : { createReason: missingRoleSentence('incident_creator') }),
    ...(canEdit ? {} : { editReason: missingRoleSentence('incident_editor') }),
  };
}

/** "This key can't declare incidents: it lacks the incident_creator role ('Create incidents' in …)." */
export function missingRoleSentence(role: string): string {
  const permission = ROLE_PERMISSIONS[role];
  if (!permission) return `This key can't do that: it lacks the ${role} role.`;
  return `This key can't ${permission.action}: it lacks the ${role} role ('${permission.label}' in incident.io's API key permissions).`;
}

/** The settings label for a role, when we know it (e.g. 'Create incidents'). */
export function permissionLabel(role: string): string | undefined {
  return ROLE_PERMISSIONS[role]?.label;
}

/**
 * Finds a role we know in free text (a 403 message), by slug or by settings label.
 * Roles we have no label for can't be advised on, so they aren't searched for.
 */
export function findKnownRole(text: string): string | undefined {
  const lower = text.toLowerCase();
  return Object.entries(ROLE_PERMISSIONS).find(
    ([role, { label }]) => new RegExp(`\\b${role}\\b`).test(lower) || lower.includes(label.toLowerCase()),
  )?.[0];
}
