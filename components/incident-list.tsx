import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ErrorInfo } from '@/lib/incident-io/errors';
import type { Incident, Severity } from '@/lib/incident-io/schemas';
import { ErrorAlert } from './error-alert';
import { IncidentRow } from './incident-row';
import { RelativeTime, useNow } from './relative-time';
import { Spinner } from './spinner';
import { openGroupOf } from './status-labels';

// Fixed geometry makes windowing a matter of arithmetic; styles.css uses the same numbers.
export const ROW_HEIGHT = 56;
export const GROUP_HEADER_HEIGHT = 32;
const EMPTY_GROUP_HEIGHT = 32;
const OVERSCAN = 6;
// jsdom and hidden panels report 0; assume a tall panel so something renders until measured.
const FALLBACK_VIEWPORT = 800;

export interface IncidentGroup {
  key: 'triage' | 'active';
  label: string;
  incidents: Incident[];
}

/** Case-insensitive match on reference, name, summary, status and severity. */
export function matchesFilter(incident: Incident, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (!needle) return true;
  return [incident.reference, incident.name, incident.summary, incident.incident_status.name, incident.severity?.name]
    .some((field) => field?.toLowerCase().includes(needle));
}

/** Open incidents split into Triage and Active; finished ones are dropped. */
export function groupIncidents(incidents: readonly Incident[]): IncidentGroup[] {
  const groups: IncidentGroup[] = [
    { key: 'triage', label: 'Triage', incidents: [] },
    { key: 'active', label: 'Active', incidents: [] },
  ];
  for (const incident of incidents) {
    const key = openGroupOf(incident.incident_status);
    groups.find((g) => g.key === key)?.incidents.push(incident);
  }
  return groups;
}

/** Rows of a group (starting `listTop` px into the scroller) that intersect the viewport, plus overscan. */
export function visibleRows(count: number, listTop: number, scrollTop: number, viewport: number) {
  const first = Math.floor((scrollTop - listTop) / ROW_HEIGHT) - OVERSCAN;
  const end = Math.ceil((scrollTop + viewport - listTop) / ROW_HEIGHT) + OVERSCAN;
  return { start: Math.max(0, first), end: Math.min(count, Math.max(0, end)) };
}

function listHeight(count: number): number {
  return count === 0 ? EMPTY_GROUP_HEIGHT : count * ROW_HEIGHT;
}

export interface IncidentListProps {
  /** Open incidents (triage, live, paused); order is kept within each group. */
  incidents: readonly Incident[];
  severities: readonly Severity[];
  onOpen: (incident: Incident) => void;
  onRefresh: () => void;
  refreshing?: boolean;
  /** First load, nothing to show yet. */
  loading?: boolean;
  /** When the list was last fetched (epoch ms). */
  updatedAt?: number | null;
  error?: ErrorInfo | null;
  /** Fixed "now"; without it the ages tick by themselves. */
  now?: number;
  /** Linked help-desk tickets per incident id (from the per-incident links). */
  ticketCounts?: Readonly<Record<string, number>>;
}

export function IncidentList(props: IncidentListProps) {
  const { incidents, severities, onOpen, onRefresh, refreshing = false, loading = false } = props;
  const { updatedAt = null, error = null } = props;
  // One clock for every row's age instead of a timer per row.
  const clock = useNow(30_000, props.now === undefined);
  const now = props.now ?? clock;
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const groups = useMemo(
    () => groupIncidents(incidents.filter((incident) => matchesFilter(incident, filter))),
    [incidents, filter],
  );
  const total = groups.reduce((sum, g) => sum + g.incidents.length, 0);
  const hasOpen = incidents.some((incident) => openGroupOf(incident.incident_status) !== null);

  return (
    <section aria-label="Open incidents" className="incident-list">
      <div className="list-toolbar">
        <label htmlFor={filterId} className="visually-hidden">
          Filter incidents
        </label>
        <input
          id={filterId}
          type="text"
          placeholder="Filter incidents"
          value={filter}
          autoComplete="off"
          onChange={(e) => setFilter(e.target.value)}
        />
        <button type="button" onClick={onRefresh} disabled={refreshing}>
          Refresh
        </button>
      </div>
      <p className="list-meta">
        {refreshing ? (
          <Spinner label="Refreshing…" />
        ) : (
          updatedAt !== null && (
            <>
              Updated <RelativeTime date={updatedAt} now={now} variant="updated" />
            </>
          )
        )}
      </p>
      {error && <ErrorAlert error={error} onRetry={onRefresh} />}
      {loading && !hasOpen ? (
        <Spinner label="Loading incidents…" />
      ) : !hasOpen ? (
        <div className="empty-state">
          <p className="empty-question">Is there a known incident?</p>
          <p className="empty-answer">No known incidents right now</p>
        </div>
      ) : total === 0 ? (
        <p className="empty-state">No incidents match “{filter.trim()}”.</p>
      ) : (
        <WindowedGroups groups={groups} severities={severities} onOpen={onOpen} now={now} ticketCounts={props.ticketCounts} />
      )}
    </section>
  );
}

interface WindowedGroupsProps {
  groups: IncidentGroup[];
  severities: readonly Severity[];
  onOpen: (incident: Incident) => void;
  now: number;
  ticketCounts?: Readonly<Record<string, number>>;
}

/**
 * Both groups live in one scroller; each group's list has its full height and renders only the rows in
 * view (absolutely positioned), so 1,000 incidents cost a few dozen DOM nodes. Rows keep their
 * position in the set via aria-setsize/aria-posinset.
 */
function WindowedGroups({ groups, severities, onOpen, now, ticketCounts }: WindowedGroupsProps) {
  const base = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight || FALLBACK_VIEWPORT);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  let offset = 0;
  const laidOut = groups.map((group) => {
    const listTop = offset + GROUP_HEADER_HEIGHT;
    offset = listTop + listHeight(group.incidents.length);
    return { group, listTop };
  });

  // Arrow keys move between rows; focusing a row near the edge scrolls it in, which renders the next ones.
  function onRowKeyDown(event: KeyboardEvent<HTMLLIElement>) {
    const sibling =
      event.key === 'ArrowDown'
        ? event.currentTarget.nextElementSibling
        : event.key === 'ArrowUp'
          ? event.currentTarget.previousElementSibling
          : null;
    const button = sibling?.querySelector('button');
    if (!button) return;
    event.preventDefault();
    button.focus();
  }

  return (
    <div ref={scroller} className="incident-scroll" onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      {laidOut.map(({ group, listTop }) => {
        const headingId = `${base}-${group.key}`;
        const count = group.incidents.length;
        const { start, end } = visibleRows(count, listTop, scrollTop, viewport);
        return (
          <div key={group.key} role="group" aria-labelledby={headingId} className="incident-group">
            <h3 className="group-heading" style={{ height: GROUP_HEADER_HEIGHT }}>
              <span id={headingId}>{group.label}</span> <span className="count">{count}</span>
            </h3>
            {count === 0 ? (
              <p className="group-empty" style={{ height: EMPTY_GROUP_HEIGHT }}>
                None
              </p>
            ) : (
              <ul
                role="list"
                aria-label={`${group.label} incidents`}
                className="incident-rows"
                style={{ height: listHeight(count) }}
              >
                {group.incidents.slice(start, end).map((incident, i) => (
                  <li
                    key={incident.id}
                    aria-setsize={count}
                    aria-posinset={start + i + 1}
                    style={{ top: (start + i) * ROW_HEIGHT, height: ROW_HEIGHT }}
                    onKeyDown={onRowKeyDown}
                  >
                    <IncidentRow incident={incident} severities={severities} now={now} onOpen={onOpen} tickets={ticketCounts?.[incident.id]} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </div>
  );
}
