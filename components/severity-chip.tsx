import type { Severity } from '@/lib/incident-io/schemas';

/** Org severities, most severe first (incident.io: higher rank = more severe). */
export function bySeverityDesc(severities: readonly Severity[]): Severity[] {
  return [...severities].sort((a, b) => b.rank - a.rank);
}

/**
 * Colour level 0 (most severe) … 3 (least) from the severity's place among the org's severities,
 * so orgs with any number or naming of severities get sensible colours.
 */
export function severityLevel(severity: Severity, severities: readonly Severity[]): number {
  const ranks = [...new Set([...severities.map((s) => s.rank), severity.rank])].sort((a, b) => b - a);
  return Math.min(3, ranks.indexOf(severity.rank));
}

export interface SeverityChipProps {
  severity: Severity | undefined;
  severities: readonly Severity[];
}

/** Severity name on a colour chip: the text carries the meaning, the colour only helps scanning. */
export function SeverityChip({ severity, severities }: SeverityChipProps) {
  if (!severity) return <span className="chip sev-none">No severity</span>;
  return (
    <span className={`chip sev-level-${severityLevel(severity, severities)}`} title={`Severity: ${severity.name}`}>
      {severity.name}
    </span>
  );
}
