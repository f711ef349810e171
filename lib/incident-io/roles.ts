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
};

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
