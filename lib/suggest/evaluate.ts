import { LABELLED_INCIDENTS } from './fixtures-incidents';
import type { LabelledTicket } from './labelled-set';
import { indexIncidents, type RankableIncident } from './rank';

export interface Quality {
  related: number;
  top1Correct: number;
  unrelated: number;
  falseSuggestions: number;
  /** top-1 accuracy on related tickets, 0…1 */
  top1: number;
  /** share of unrelated tickets that got any suggestion, 0…1 */
  falseRate: number;
  misses: { subject: string; expect: string | null; got: string[] }[];
}

/** Ranks every labelled ticket against the labelled incidents and counts hits and false suggestions. */
export function evaluate(tickets: readonly LabelledTicket[], incidents: readonly RankableIncident[] = LABELLED_INCIDENTS): Quality {
  const index = indexIncidents(incidents);
  const refOf = new Map(incidents.map((i) => [i.id, i.reference]));
  const q: Quality = { related: 0, top1Correct: 0, unrelated: 0, falseSuggestions: 0, top1: 0, falseRate: 0, misses: [] };
  for (const ticket of tickets) {
    const got = index.rank(ticket).map((s) => `${refOf.get(s.incidentId)} (${s.matched.join(', ')})`);
    if (ticket.expect) {
      q.related++;
      if (got[0]?.startsWith(`${ticket.expect} `)) q.top1Correct++;
      else q.misses.push({ subject: ticket.subject, expect: ticket.expect, got });
    } else {
      q.unrelated++;
      if (got.length) {
        q.falseSuggestions++;
        q.misses.push({ subject: ticket.subject, expect: null, got });
      }
    }
  }
  q.top1 = q.related ? q.top1Correct / q.related : 0;
  q.falseRate = q.unrelated ? q.falseSuggestions / q.unrelated : 0;
  return q;
}
