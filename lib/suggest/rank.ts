import MiniSearch from 'minisearch';
import { findIncidentRefs } from '@/lib/incident-io/reference';
import { analyze, customerWords, type Term } from './analyze';

/** What ranking reads of an open incident (see incident-doc.ts for the mapping from the API). */
export interface RankableIncident {
  id: string;
  reference: string;
  name: string;
  summary?: string;
  latestUpdate?: string;
  /** Custom-field values: affected product, component, … */
  fieldValues: string[];
}

export interface TicketText {
  subject: string;
  /** The customer's messages, separated by form feeds; quoted history and signatures are cut here. */
  text: string;
}

export type SuggestionReason = 'reference' | 'customer' | 'text';

export interface Suggestion {
  incidentId: string;
  reason: SuggestionReason;
  /** The ticket's words that matched, most telling first ("checkout, payment, 502"). */
  matched: string[];
  score: number;
  customerLine?: string;
}

export interface RankOptions {
  /** Incident id → "acme.com is listed as affected", for incidents that list the ticket's customer. */
  customerLines?: ReadonlyMap<string, string>;
  max?: number;
}

/**
 * BM25 (MiniSearch's BM25+) scores below this are not suggested. Chosen on the tuning part of the
 * labelled set (labelled-set.ts) and checked on its held-out part; see rank.test.ts for the figures.
 */
export const MIN_SCORE = 60;
/** …and at least this many distinct concepts must match (one shared word is a coincidence). */
export const MIN_CONCEPTS = 2;
export const MAX_SUGGESTIONS = 3;
/** A runner-up far weaker than the best text match is noise next to it ("checkout down" → the outage). */
const MIN_SHARE_OF_BEST = 0.25;
/** Subject words say what the ticket is about more reliably than the body. */
const SUBJECT_BOOST = 2;
const MAX_MATCHED_WORDS = 6;
/** A 2,000-message ticket: the query is bounded to its most frequent distinct terms. */
const MAX_QUERY_TERMS = 400;

const FIELDS = ['name', 'fields', 'summary', 'update'] as const;
const FIELD_BOOST = { name: 3, fields: 2, summary: 1, update: 1 };

/** Typos: one edit in words of 5–8 letters, two from 9; never in numbers or synonym groups. */
function fuzziness(term: string): number | false {
  if (term.startsWith('~') || /\d/.test(term) || term.length < 5) return false;
  return term.length < 9 ? 1 : 2;
}




export interface IncidentIndex {
  rank(ticket: TicketText, options?: RankOptions): Suggestion[];
  /** Raw text scores (for the labelled-set report). */
  scores(ticket: TicketText): { id: string; score: number; matched: string[]; concepts: number }[];
}

interface QueryTerm {
  term: string;
  surface: string;
  boost: number;
  order: number;
}

/** Distinct query terms, subject first (boosted), then by frequency; each with its ticket word. */
function queryTerms(ticket: TicketText): QueryTerm[] {
  const byTerm = new Map<string, QueryTerm & { count: number }>();
  const add = (terms: Term[], boost: number) => {
    for (const { term, surface } of terms) {
      const seen = byTerm.get(term);
      if (seen) {
        seen.count++;
        seen.boost = Math.max(seen.boost, boost);
      } else byTerm.set(term, { term, surface, boost, order: byTerm.size, count: 1 });
    }
  };
  add(analyze(ticket.subject), SUBJECT_BOOST);
  add(analyze(customerWords(ticket.text)), 1);
  const all = [...byTerm.values()];
  if (all.length <= MAX_QUERY_TERMS) return all;
  return all.sort((a, b) => b.boost - a.boost || b.count - a.count).slice(0, MAX_QUERY_TERMS);
}

/** Builds the index once per open-incident list; ranking a ticket against it is then cheap. */
export function indexIncidents(incidents: readonly RankableIncident[]): IncidentIndex {
  const search = new MiniSearch<{ id: string; name: string; fields: string; summary: string; update: string }>({
    fields: [...FIELDS],
    tokenize: (text) => analyze(text).map((t) => t.term),
    processTerm: (term) => term,
    searchOptions: { tokenize: (text) => text.split(' '), processTerm: (term) => term },
  });
  search.addAll(incidents.map((incident) => ({
    id: incident.id,
    name: incident.name,
    fields: incident.fieldValues.join('\n'),
    summary: incident.summary ?? '',
    update: incident.latestUpdate ?? '',
  })));

  function scores(ticket: TicketText) {
    const terms = queryTerms(ticket);
    if (!terms.length) return [];
    const byTerm = new Map(terms.map((t) => [t.term, t]));
    const results = search.search(terms.map((t) => t.term).join(' '), {
      boost: FIELD_BOOST,
      fuzzy: (term) => fuzziness(term),
      boostTerm: (term) => byTerm.get(term)?.boost ?? 1,
      combineWith: 'OR',
    });
    return results.map((result) => {
      const matchedTerms = result.queryTerms.map((term) => byTerm.get(term)).filter((t): t is QueryTerm => Boolean(t));
      const surfaces: string[] = [];
      for (const t of matchedTerms.sort((a, b) => b.boost - a.boost || a.order - b.order)) {
        if (!surfaces.includes(t.surface)) surfaces.push(t.surface);
      }
      // "checkout" matching both as a word and as the payment group is one concept, not two.
      const concepts = new Set(surfaces).size;
      return { id: String(result.id), score: result.score, matched: surfaces.slice(0, MAX_MATCHED_WORDS), concepts };
    });
  }

  function rank(ticket: TicketText, options: RankOptions = {}): Suggestion[] {
    const max = options.max ?? MAX_SUGGESTIONS;
    const suggestions: Suggestion[] = [];
    const taken = new Set<string>();
    const push = (s: Suggestion) => {
      if (taken.has(s.incidentId) || suggestions.length >= max) return;
      taken.add(s.incidentId);
      suggestions.push(s);
    };
    const text = scores(ticket);
    const textById = new Map(text.map((s) => [s.id, s]));
    // 1. The ticket's own INC- references (anywhere, quoted history included: the thread is the ticket's).
    const byReference = new Map(incidents.map((i) => [i.reference.toUpperCase(), i]));
    for (const ref of findIncidentRefs(`${ticket.subject}\n${ticket.text}`)) {
      const incident = byReference.get(ref);
      if (incident) push({ incidentId: incident.id, reason: 'reference', matched: [ref], score: Infinity });
    }
    // 2. Incidents that list the ticket's customer as affected, better text match first.
    const listed = [...(options.customerLines ?? new Map<string, string>())]
      .filter(([id]) => incidents.some((i) => i.id === id))
      .sort(([a], [b]) => (textById.get(b)?.score ?? 0) - (textById.get(a)?.score ?? 0));
    for (const [id, line] of listed) {
      push({ incidentId: id, reason: 'customer', matched: textById.get(id)?.matched ?? [], score: textById.get(id)?.score ?? 0, customerLine: line });
    }
    // 3. Text matches above the threshold.
    const best = text[0]?.score ?? 0;
    for (const s of text) {
      if (s.score < MIN_SCORE || s.concepts < MIN_CONCEPTS || s.score < best * MIN_SHARE_OF_BEST) continue;
      push({ incidentId: s.id, reason: 'text', matched: s.matched, score: s.score });
    }
    return suggestions;
  }

  return { rank, scores };
}
