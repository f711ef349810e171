import { useId } from 'react';
import type { WorkspaceView } from '@/lib/workspace-view';

export interface WorkspaceSwitcherProps {
  workspaces: readonly WorkspaceView[];
  onSwitch: (id: string) => void;
  busy: boolean;
}

/** Which connected incident.io workspace the panel shows; only offered when there are several. */
export function WorkspaceSwitcher({ workspaces, onSwitch, busy }: WorkspaceSwitcherProps) {
  const id = useId();
  if (workspaces.length < 2) return null;
  const active = workspaces.find((w) => w.active);
  return (
    <div className="workspace-switcher field">
      <label htmlFor={id}>Workspace</label>
      <select id={id} value={active?.id ?? ''} disabled={busy} onChange={(event) => onSwitch(event.target.value)}>
        {workspaces.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
      </select>
    </div>
  );
}
