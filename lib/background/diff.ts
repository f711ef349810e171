import type { Incident, IncidentStatus, Severity } from '@/lib/incident-io/schemas';

export interface StatusChange {
  incident: Incident;
  from: IncidentStatus;
  to: IncidentStatus;
}

export interface SeverityChange {
  incident: Incident;
  from?: Severity;
  to?: Severity;
}

export interface SnapshotDiff {
  declared: Incident[];
  statusChanged: StatusChange[];
  severityChanged: SeverityChange[];
}

/**
 * What changed between two polls. `prev` null means nothing was seen before, so nothing counts as
 * declared. Status and severity changes are reported for watched incidents only; `next` may include
 * watched incidents fetched one by one after they left the open list (resolved), so those still
 * report their final status.
 */
export function diffSnapshots(prev: Incident[] | null, next: Incident[], watchedIds: ReadonlySet<string>): SnapshotDiff {
  const diff: SnapshotDiff = { declared: [], statusChanged: [], severityChanged: [] };
  if (prev === null) return diff;
  const before = new Map(prev.map((incident) => [incident.id, incident]));
  for (const incident of next) {
    const old = before.get(incident.id);
    if (!old) {
      diff.declared.push(incident);
      continue;
    }
    // Compared field by field rather than trusting `updated_at` alone: it is not documented to move
    // on every kind of edit. (`updated_at` still tells repeated changes apart, see alerts.ts.)
    if (!watchedIds.has(incident.id)) continue;
    if (old.incident_status.id !== incident.incident_status.id) {
      diff.statusChanged.push({ incident, from: old.incident_status, to: incident.incident_status });
    }
    if (old.severity?.id !== incident.severity?.id) {
      diff.severityChanged.push({ incident, from: old.severity, to: incident.severity });
    }
  }
  return diff;
}
