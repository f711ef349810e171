import { browser } from 'wxt/browser';
import { openGroupOf } from '@/components/status-labels';
import { REVALIDATE_MIN_AGE_MS } from '@/lib/shared-cache';
import { formatUpdated } from '@/lib/time-format';
import { takeFirstAsk } from './first-ask';

/**
 * The first rows, painted from the shared caches before React loads: the same markup and classes
 * as IncidentList/IncidentRow (so React's first commit swaps them for identical rows), inert and
 * busy until then. Plain checks instead of zod: this script must stay tiny, it shows text only
 * (textContent), and React re-reads the same caches through their zod-checked items right after.
 */

// Must match components/incident-list.tsx (and styles.css).
const ROW_HEIGHT = 56;
const GROUP_HEADER_HEIGHT = 32;
/** Rows in view in a tall panel; React renders the windowed rest. */
const FIRST_ROWS = 16;

interface Row {
  reference: string;
  name: string;
  status: { name: string; category: string };
  visibility: string;
}

const isText = (value: unknown): value is string => typeof value === 'string';

function rowsOf(raw: unknown): { rows: Row[]; fetchedAt: number } | null {
  const cache = raw as { incidents?: unknown; fetchedAt?: unknown } | undefined;
  if (!cache || !Array.isArray(cache.incidents) || typeof cache.fetchedAt !== 'number') return null;
  const rows: Row[] = [];
  for (const item of cache.incidents as Record<string, unknown>[]) {
    const status = item?.incident_status as Record<string, unknown> | undefined;
    if (!isText(item?.reference) || !isText(item.name) || !isText(status?.name) || !isText(status.category)) return null;
    rows.push({ reference: item.reference, name: item.name, status: { name: status.name, category: status.category }, visibility: String(item.visibility) });
  }
  return { rows, fetchedAt: cache.fetchedAt };
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function rowElement(row: Row, index: number): HTMLLIElement {
  const li = el('li', '');
  li.style.top = `${index * ROW_HEIGHT}px`;
  li.style.height = `${ROW_HEIGHT}px`;
  const button = el('button', 'incident-row');
  button.type = 'button';
  const line = el('span', 'row-line');
  line.append(el('span', 'reference', row.reference));
  const paused = row.status.category === 'paused';
  if (!(paused && row.status.name.trim().toLowerCase() === 'paused')) line.append(el('span', 'status-name', row.status.name));
  if (row.visibility === 'private') line.append(el('span', 'mark mark-private', 'Private'));
  if (paused) line.append(el('span', 'mark mark-paused', 'Paused'));
  button.append(line, el('span', 'row-name', row.name));
  li.append(button);
  return li;
}

/**
 * Paints the cached open incidents into `root` when connected (`painted` false when there was
 * nothing to paint). Every open revalidates at once, asked by the <head> script (first-ask.ts), not
 * when React has loaded (its chunk can take seconds on a busy machine). With no cache at all (the
 * first open after the browser started) it paints that refresh's first page as soon as the
 * background has parsed it (`incidents/first-rows`), before it is stored, before React and before
 * the catalog. React's list query adopts this refresh's reply (`refresh`) instead of asking again.
 */
export interface FirstPaint {
  painted: boolean;
  /** This open's revalidation (the raw reply), for the list's first query to adopt instead of asking again. */
  refresh?: Promise<unknown>;
  /** Set when the rows came before the list was stored: settles once it is (React reads it from there). */
  stored?: Promise<void>;
}

export async function paintFirstRows(root: HTMLElement): Promise<FirstPaint> {
  const ask = takeFirstAsk();
  // Watching for the list starts before the reads: a cold open's rows may land meanwhile.
  const landing = listLanding(ask.reply);
  const [session, { connection }] = await ask.reads;
  // Not connected (no key: nothing to show), or the panel was opened to show something else: React
  // decides what comes first.
  if (!(connection as { identity?: unknown } | undefined)?.identity || session.panelIntent) {
    landing.cancel();
    return { painted: false };
  }
  const cold = session.openIncidents === undefined;
  // Cold: whichever comes first, the refresh's first page as soon as the background has parsed it,
  // or the stored list (the first page's write and its change event take tens of ms at page load).
  const cached = cold ? await firstOf(ask.firstRows.then(rowsOfReply), landing.rows()) : rowsOf(session.openIncidents);
  const painted = Boolean(cached && cached.rows.length > 0 && root.childElementCount === 0);
  if (painted) root.append(listElement(cached!));
  // Painted perhaps before the list was stored: React, which reads the stored list, waits for it
  // (for a large org, its first page: not the whole list).
  if (!(painted && cold)) landing.cancel();
  return { painted, refresh: ask.reply, ...(painted && cold ? { stored: landing.stored } : {}) };
}

type Rows = { rows: Row[]; fetchedAt: number } | null;

/** `incidents/first-rows`' raw reply: its rows, or null (failed, or not asked). */
const rowsOfReply = (reply: unknown): Rows => {
  const envelope = reply as { ok?: boolean; data?: unknown } | null | undefined;
  return envelope?.ok ? rowsOf(envelope.data) : null;
};

/** The first of `asks` to resolve with rows; null once all resolved without. */
function firstOf(...asks: Promise<Rows>[]): Promise<Rows> {
  return new Promise((resolve) => {
    let left = asks.length;
    for (const ask of asks) {
      void ask.then((rows) => {
        left -= 1;
        if (rows || left === 0) resolve(rows);
      });
    }
  });
}

/**
 * Watches for the list a refresh writes (its first page for a large org), given that refresh's
 * reply. `rows()` resolves with the list, or null if the refresh fails; `stored` settles once any
 * list is in storage (or the refresh has answered); `cancel()` stops watching.
 */
function listLanding(reply: Promise<unknown>): { rows(): Promise<Rows>; stored: Promise<void>; cancel(): void } {
  let settle: (rows: Rows) => void = () => undefined;
  const landed = new Promise<Rows>((resolve) => { settle = resolve; });
  let markStored: () => void = () => undefined;
  const stored = new Promise<void>((resolve) => { markStored = resolve; });
  const onChanged = (changes: Record<string, { newValue?: unknown }>) => {
    const list = changes.openIncidents?.newValue;
    if (list === undefined) return;
    settle(rowsOf(list));
    markStored();
  };
  const cancel = () => {
    browser.storage.session.onChanged.removeListener(onChanged);
    settle(null);
    markStored();
  };
  browser.storage.session.onChanged.addListener(onChanged);
  // The reply comes once the whole list is stored (or with the error).
  void reply.then(markStored, markStored);
  void stored.then(cancel);
  return {
    rows() {
      // Read it in case the change event has not arrived yet.
      void reply
        .then(() => browser.storage.session.get('openIncidents'))
        .then(({ openIncidents }) => settle(openIncidents === undefined ? null : rowsOf(openIncidents)), () => settle(null));
      return landed;
    },
    stored,
    cancel,
  };
}

function listElement(cached: { rows: Row[]; fetchedAt: number }): HTMLElement {
  const section = el('section', 'incident-list');
  section.setAttribute('aria-label', 'Open incidents');
  section.setAttribute('aria-busy', 'true');
  section.inert = true;
  // React revalidates as it mounts and says "Refreshing…" meanwhile; so does this, unless just filled.
  const age = Date.now() - cached.fetchedAt;
  section.append(el('p', 'list-meta', age < REVALIDATE_MIN_AGE_MS ? `Updated ${formatUpdated(age)}` : 'Refreshing…'));
  const scroll = el('div', 'incident-scroll');
  const groups = { triage: { label: 'Triage', rows: [] as Row[] }, active: { label: 'Active', rows: [] as Row[] } };
  for (const row of cached.rows) {
    const group = openGroupOf({ id: '', rank: 0, ...row.status });
    if (group) groups[group].rows.push(row);
  }
  for (const { label, rows } of Object.values(groups)) {
    const group = el('div', 'incident-group');
    const heading = el('h3', 'group-heading');
    heading.style.height = `${GROUP_HEADER_HEIGHT}px`;
    heading.append(el('span', '', label), ' ', el('span', 'count', String(rows.length)));
    group.append(heading);
    if (rows.length === 0) {
      group.append(el('p', 'group-empty', 'None'));
    } else {
      const list = el('ul', 'incident-rows');
      list.style.height = `${rows.length * ROW_HEIGHT}px`;
      list.append(...rows.slice(0, FIRST_ROWS).map(rowElement));
      group.append(list);
    }
    scroll.append(group);
  }
  section.append(scroll);
  return section;
}
