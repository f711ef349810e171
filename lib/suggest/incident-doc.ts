import type { Incident } from '@/lib/incident-io/schemas';
import type { RankableIncident } from './rank';

/**
 * What ranking reads of an incident: name, summary, latest update and every custom-field value
 * (affected product, component, and customer names, which are words customers write too).
 */
export function rankableIncident(incident: Incident, latestUpdate?: string | null): RankableIncident {
  const fieldValues = (incident.custom_field_entries ?? []).flatMap((entry) => entry.values.flatMap((value) => {
    const text = value.value_catalog_entry?.name ?? value.value_option?.value ?? value.value_text;
    return text ? [text] : [];
  }));
  return {
    id: incident.id,
    reference: incident.reference,
    name: incident.name,
    summary: incident.summary,
    latestUpdate: latestUpdate ?? undefined,
    fieldValues,
  };
}
