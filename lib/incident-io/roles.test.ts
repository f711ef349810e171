import { describe, expect, it } from 'vitest';
import { capabilitiesFromRoles, extraCapabilitiesFromRoles, findKnownRole } from './roles';

describe('capabilitiesFromRoles', () => {
  it('grants each capability from its own role', () => {
    expect(capabilitiesFromRoles(['viewer', 'incident_creator', 'incident_editor', 'global_access'])).toEqual({
      canCreate: true, canEdit: true, canSeePrivate: true,
    });
  });

  it('explains what a viewer key lacks', () => {
    const caps = capabilitiesFromRoles(['viewer']);
    expect(caps).toMatchObject({ canCreate: false, canEdit: false, canSeePrivate: false });
    expect(caps.createReason).toBe(
      "This key can't declare incidents: it lacks the incident_creator role ('Create incidents' in incident.io's API key permissions).",
    );
    expect(caps.editReason).toBe(
      "This key can't edit incidents: it lacks the incident_editor role ('Edit incidents' in incident.io's API key permissions).",
    );
  });

  it('treats a creator-only key as unable to edit', () => {
    const caps = capabilitiesFromRoles(['viewer', 'incident_creator']);
    expect(caps.canCreate).toBe(true);
    expect(caps.createReason).toBeUndefined();
    expect(caps.canEdit).toBe(false);
  });

  it('ignores roles it does not know', () => {
    expect(capabilitiesFromRoles(['role_from_2030', 'catalog_editor'])).toMatchObject({ canCreate: false, canEdit: false });
  });
});

describe('findKnownRole', () => {
  it.each([
    ['API key is missing the incident_creator role', 'incident_creator'],
    ["requires the 'Edit incidents' permission", 'incident_editor'],
    ['You do not have access to this resource', undefined],
    ['incident_creators_group', undefined],
  ])('%j → %j', (text, role) => {
    expect(findKnownRole(text)).toBe(role);
  });
});

describe('extraCapabilitiesFromRoles', () => {
  it('grants paging, on-call, publishing and catalog from the roles that carry their x-rbac-scopes', () => {
    const all = extraCapabilitiesFromRoles(['viewer', 'escalation_creator', 'on_call_viewer', 'status_page_publisher', 'catalog_viewer']);
    expect(all).toEqual({ canPage: true, canSeeOnCall: true, canPublish: true, canUseCatalog: true });
    expect(extraCapabilitiesFromRoles(['schedules_reader']).canSeeOnCall).toBe(true);
  });

  it('says which role is missing for each', () => {
    const none = extraCapabilitiesFromRoles(['viewer', 'incident_creator']);
    expect(none.pageReason).toMatch(/can't page on-call.*escalation_creator/);
    expect(none.onCallReason).toMatch(/schedules_reader.*on_call_viewer/);
    expect(none.publishReason).toMatch(/status_page_publisher/);
    expect(none.catalogReason).toMatch(/catalog_viewer/);
  });
});
