import { describe, expect, it } from 'vitest';
import { capabilitiesFromRoles, findKnownRole } from './roles';

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
