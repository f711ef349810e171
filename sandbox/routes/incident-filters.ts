import { fieldError } from '../errors';
import type { Incident, SandboxState } from '../state';

type Values = string[];
type Predicate = (incident: Incident) => boolean;
type Operator = (values: Values, field: string) => Predicate;
type OperatorSet = Record<string, Operator>;

const CATEGORIES = ['triage', 'live', 'learning', 'paused', 'closed', 'declined', 'canceled', 'merged'];
const MODES = ['standard', 'retrospective', 'test', 'tutorial'];

/** one_of / not_in over a value read from the incident. */
function membership(
  read: (incident: Incident) => string | undefined, check: (values: Values, field: string) => void,
): { one_of: Operator; not_in: Operator } {
  return {
    one_of: (values, field) => {
      check(values, field);
      return (incident) => values.includes(read(incident) ?? '');
    },
    not_in: (values, field) => {
      check(values, field);
      return (incident) => !values.includes(read(incident) ?? '');
    },
  };
}

function knownValues(allowed: string[], what: string) {
  return (values: Values, field: string) => {
    const unknown = values.find((v) => !allowed.includes(v));
    if (unknown !== undefined) {
      throw fieldError(field, 'invalid_value', `${field}: ${unknown} is not a known ${what} (expected one of: ${allowed.join(', ')})`);
    }
  };
}

function single(values: Values, field: string): string {
  const [value] = values;
  if (value === undefined || values.length > 1) throw fieldError(field, 'invalid_value', `${field} takes exactly one value`);
  return value;
}

/** Accepts `YYYY-MM-DD` or a full timestamp; `end` moves a bare date to the end of that day. */
function parseDate(value: string, field: string, end = false): number {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const ms = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) throw fieldError(field, 'invalid_value', `${field}: ${value} is not a date (use YYYY-MM-DD)`);
  return dateOnly && end ? ms + 86_400_000 - 1 : ms;
}

function timeFilter(read: (incident: Incident) => string): OperatorSet {
  const at = (incident: Incident) => Date.parse(read(incident));
  return {
    gte: (values, field) => {
      const from = parseDate(single(values, field), field);
      return (incident) => at(incident) >= from;
    },
    lte: (values, field) => {
      const to = parseDate(single(values, field), field, true);
      return (incident) => at(incident) <= to;
    },
    date_range: (values, field) => {
      const [from, to] = single(values, field).split('~');
      if (!from || !to) throw fieldError(field, 'invalid_value', `${field} must look like YYYY-MM-DD~YYYY-MM-DD`);
      const lo = parseDate(from, field);
      const hi = parseDate(to, field, true);
      return (incident) => at(incident) >= lo && at(incident) <= hi;
    },
  };
}

function filterOperators(state: SandboxState): Record<string, OperatorSet> {
  const ids = (items: { id: string }[], what: string) => knownValues(items.map((i) => i.id), what);
  const severityRank = (values: Values, field: string) => {
    const id = single(values, field);
    const severity = state.severities.find((s) => s.id === id);
    if (!severity) throw fieldError(field, 'invalid_value', `${field}: ${id} is not a severity id`);
    return severity.rank;
  };
  return {
    status: membership((i) => i.incident_status.id, ids(state.statuses, 'status id')),
    status_category: membership((i) => i.incident_status.category, knownValues(CATEGORIES, 'status category')),
    incident_type: membership((i) => i.incident_type.id, ids(state.incidentTypes, 'incident type id')),
    mode: { one_of: membership((i) => i.mode, knownValues(MODES, 'mode')).one_of },
    severity: {
      ...membership((i) => i.severity?.id, ids(state.severities, 'severity id')),
      // gte/lte compare ranks: higher rank = more severe. Incidents without a severity never match.
      gte: (values, field) => {
        const rank = severityRank(values, field);
        return (incident) => incident.severity !== undefined && incident.severity.rank >= rank;
      },
      lte: (values, field) => {
        const rank = severityRank(values, field);
        return (incident) => incident.severity !== undefined && incident.severity.rank <= rank;
      },
    },
    created_at: timeFilter((i) => i.created_at),
    updated_at: timeFilter((i) => i.updated_at),
  };
}

/** Role and custom-field filters: `incident_role[ROLE_ID][one_of]=USER_ID`. */
function nestedFilter(state: SandboxState, name: string, spec: Record<string, Record<string, Values>>): Predicate[] {
  return Object.entries(spec).map(([ownerId, ops]) => {
    const field = `${name}[${ownerId}]`;
    if (name === 'custom_field') throw fieldError(field, 'invalid_value', `${field}: no custom field with id ${ownerId}`);
    if (!state.incidentRoles.some((r) => r.id === ownerId)) throw fieldError(field, 'invalid_value', `${field}: no incident role with id ${ownerId}`);
    const assignee = (incident: Incident) => incident.incident_role_assignments.find((a) => a.role.id === ownerId)?.assignee?.id;
    const operators: OperatorSet = membership(assignee, () => undefined);
    const predicates = Object.entries(ops).map(([op, values]) => {
      const make = operators[op];
      if (!make) throw fieldError(field, 'invalid_value', `${field}[${op}] is not supported; use one_of or not_in`);
      return make(values, `${field}[${op}]`);
    });
    return (incident: Incident) => predicates.every((p) => p(incident));
  });
}

/**
 * Query (already schema-validated) → one predicate. Unknown operators are a 422 naming the field;
 * test and tutorial incidents are excluded unless `mode` is filtered on, as incident.io does.
 */
export function incidentFilter(state: SandboxState, query: Record<string, unknown>): Predicate {
  const operators = filterOperators(state);
  const predicates: Predicate[] = [];
  for (const [name, ops] of Object.entries(operators)) {
    const spec = query[name] as Record<string, Values> | undefined;
    if (!spec) continue;
    for (const [op, values] of Object.entries(spec)) {
      const make = ops[op];
      if (!make) {
        throw fieldError(name, 'invalid_value', `${name}[${op}] is not a supported filter; ${name} accepts ${Object.keys(ops).join(', ')}`);
      }
      predicates.push(make(values, `${name}[${op}]`));
    }
  }
  for (const name of ['incident_role', 'custom_field']) {
    const spec = query[name] as Record<string, Record<string, Values>> | undefined;
    if (spec) predicates.push(...nestedFilter(state, name, spec));
  }
  const combined: Predicate = query.filter_mode === 'any' && predicates.length > 0
    ? (incident) => predicates.some((p) => p(incident))
    : (incident) => predicates.every((p) => p(incident));
  const modeFiltered = query.mode !== undefined;
  return (incident) => (modeFiltered || (incident.mode !== 'test' && incident.mode !== 'tutorial')) && combined(incident);
}
