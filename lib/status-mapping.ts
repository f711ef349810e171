import type { IncidentStatus } from '@/lib/incident-io/schemas';
import { defaultStatusMapping, STATUS_WORDS, type StatusMapping } from '@/lib/incident-io/status-words';
import type { Settings } from '@/lib/settings';

/** The org's defaults (by category and name) with the agent's overrides from Settings on top. */
export function effectiveStatusMapping(statuses: IncidentStatus[], overrides: Settings['statusMapping']): StatusMapping {
  const mapping = defaultStatusMapping(statuses);
  for (const word of STATUS_WORDS) {
    const chosen = overrides[word];
    if (chosen === null) mapping[word] = null;
    else if (chosen !== undefined && statuses.some((status) => status.id === chosen)) mapping[word] = chosen;
  }
  return mapping;
}
