import { describe, expect, it } from 'vitest';
import { checkStatusMove } from './lifecycle';
import { createSeedState } from './seed';
import type { ApiKey, Status, StatusCategory } from './state';

const state = createSeedState(Date.now());
const status = (name: string): Status => {
  const found = state.statuses.find((s) => s.name === name);
  if (!found) throw new Error(name);
  return found;
};
const editor: ApiKey = { token: 't', id: 'k', name: 'editor', revoked: false, roles: ['viewer', 'incident_editor'] };
const optOut: ApiKey = { ...editor, roles: [...editor.roles, 'post_incident_flow_opt_out'] };
const learning2: Status = { ...status('Documenting'), id: 'other-learning', name: 'Reviewing', category: 'learning' as StatusCategory };

describe('checkStatusMove', () => {
  it.each([
    ['Investigating', 'Monitoring'], ['Monitoring', 'Paused'], ['Paused', 'Fixing'],
    ['Fixing', 'Documenting'], ['Triage', 'Documenting'], ['Documenting', 'Closed'], ['Fixing', 'Fixing'],
  ])('allows %s → %s', (from, to) => {
    expect(checkStatusMove(status(from), status(to), optOut, state.org)).toEqual({ ok: true });
  });

  it.each([
    ['Triage', 'Investigating'], ['Investigating', 'Triage'], ['Triage', 'Declined'], ['Fixing', 'Merged'],
    ['Closed', 'Investigating'], ['Documenting', 'Fixing'], ['Declined', 'Triage'],
  ])('keeps %s → %s for the app', (from, to) => {
    expect(checkStatusMove(status(from), status(to), optOut, state.org)).toMatchObject({ ok: false, kind: 'app_only' });
  });

  it('does not move between post-incident statuses', () => {
    expect(checkStatusMove(status('Documenting'), learning2, optOut, state.org)).toMatchObject({ ok: false, kind: 'app_only' });
  });

  it('needs post_incident_flow_opt_out to skip the post-incident flow when the org requires it', () => {
    expect(checkStatusMove(status('Fixing'), status('Closed'), editor, state.org))
      .toEqual({ ok: false, kind: 'missing_role', role: 'post_incident_flow_opt_out' });
    expect(checkStatusMove(status('Fixing'), status('Closed'), editor, { ...state.org, postIncidentFlowRequired: false })).toEqual({ ok: true });
    expect(checkStatusMove(status('Documenting'), status('Closed'), editor, state.org)).toEqual({ ok: true });
  });
});
