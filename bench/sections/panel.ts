import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { instrumentedPage, launch, scriptMs } from '../lib/browser';
import { KEYS } from '../../e2e/fixtures';
import type { BenchContext } from '../lib/context';
import { cacheFilled, connectExtension, dropBackgroundCaches, openCacheAge, panelUrl, requireExtension } from '../lib/extension';
import { OPEN_LIST_QUERY } from '../lib/sandbox-admin';
import { addPanelProbe, type PanelMarks, panelMarksOf } from '../lib/probes';
import { pairedRuns, vsFloor } from '../lib/paired';
import type { Result } from '../lib/report';
import { summarize } from '../lib/stats';

const SECTION = 'Side panel';
export const PANEL_OPENS = 20;
/** Re-warm before the cache gets near the poll interval (60 s), so a "warm" open never refetches. */
const WARM_MAX_AGE_MS = 40_000;

interface Open {
  paintedMs: number;
  scriptMs: number;
  marks: PanelMarks;
}

type PanelTab = Awaited<ReturnType<typeof instrumentedPage>>;

/**
 * The floor, for scale: a page of the same extension with no framework that reads the same cache
 * and inserts one row; given `#<list URL>|<key>`, it asks the sandbox itself instead (the cold
 * floor: no service worker hop, no validation, no cache write). Written into the bench's own copy
 * of the build.
 */
const FLOOR_PAGE = 'bench-floor.html';
function writeFloorPage(extensionDir: string): void {
  writeFileSync(path.join(extensionDir, FLOOR_PAGE), '<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>floor</title></head>'
    + '<body><ul class="incident-rows"></ul><script type="module" src="/bench-floor.js"></script></body></html>');
  writeFileSync(path.join(extensionDir, 'bench-floor.js'), `const [url, key] = decodeURIComponent(location.hash.slice(1)).split('|');
const { incidents } = url
  ? await (await fetch(url, { headers: { Authorization: 'Bearer ' + key } })).json()
  : (await chrome.storage.session.get('openIncidents')).openIncidents ?? {};
const row = document.createElement('li');
row.textContent = incidents?.[0]?.name ?? 'no incident';
document.querySelector('.incident-rows').append(row);`);
}

/**
 * Loads the panel document (in one reused tab: every load is a new document with its own navigation
 * start, in the extension's renderer as the real side panel is) and waits for the first painted row.
 */
async function openPanel(tab: PanelTab, extensionId: string): Promise<Open> {
  const marks = await panelMarksOf(tab.page, 'firstRow', () => tab.page.goto(panelUrl(extensionId)));
  // The DevTools counters start again with each document, so this is the load's own script time.
  return { paintedMs: marks.firstRow!, scriptMs: scriptMs(await tab.metrics()), marks };
}

export async function benchPanel(ctx: BenchContext): Promise<Result[]> {
  ctx.sandbox.reset();
  writeFloorPage(ctx.prodDir);
  const browser = await launch({ extensionDir: ctx.prodDir });
  try {
    const { worker } = requireExtension(browser);
    await connectExtension(browser, ctx.sandbox.url);
    const tab = await instrumentedPage(browser.context);
    await addPanelProbe(tab.page, Number.POSITIVE_INFINITY);
    const open = () => openPanel(tab, requireExtension(browser).id);
    await open(); // the first load compiles and caches the page's code; not counted

    const floorUrl = `chrome-extension://${requireExtension(browser).id}/${FLOOR_PAGE}`;
    const floorOpen = async (hash: string) => {
      // A hash-only change is no navigation: load a blank page in between.
      await tab.page.goto('about:blank');
      return (await panelMarksOf(tab.page, 'firstRow', () => tab.page.goto(`${floorUrl}${hash}`))).firstRow!;
    };
    await floorOpen(''); // compiled once too

    // Paired: each open is followed by a floor open, so a slow moment of the machine hits both.
    const warm: Open[] = [];
    const floor = await pairedRuns(PANEL_OPENS, async () => {
      const age = await openCacheAge(worker);
      if (age === null || age > WARM_MAX_AGE_MS) await open();
      const opened = await open();
      warm.push(opened);
      return opened.paintedMs;
    }, () => floorOpen(''));
    ctx.log(`side panel: ${warm.length} warm opens`);

    const listUrl = `${ctx.sandbox.url}/v2/incidents?${OPEN_LIST_QUERY}`;
    const coldHash = `#${encodeURIComponent(`${listUrl}|${KEYS.full}`)}`;
    const cold: Open[] = [];
    const coldFloor = await pairedRuns(PANEL_OPENS, async () => {
      await dropBackgroundCaches(worker);
      const opened = await open();
      cold.push(opened);
      // The list is written a moment after the rows are painted: that write is this open's cost,
      // not the floor's that follows.
      await cacheFilled(worker);
      return opened.paintedMs;
    }, () => floorOpen(coldHash));
    ctx.log(`side panel: ${cold.length} cold opens`);

    return [
      ...paintRows('warm (background cache fresh)', warm, floor.floors,
        'a page of the extension without React that reads the same cache and inserts one row (paired opens)'),
      ...paintRows('cold (background fetches the list from the sandbox)', cold, coldFloor.floors,
        'the same page fetching the open incidents from the sandbox itself: one list call, no service worker, no validation (paired opens)'),
    ];
  } finally {
    await browser.close();
  }
}

function paintRows(kind: string, opens: Open[], floors: number[], floorLabel: string): Result[] {
  const painted = summarize(opens.map((o) => o.paintedMs));
  const script = summarize(opens.map((o) => o.scriptMs));
  const metric = `${kind}: navigation start → open incidents painted`;
  return [
    // Issue 10: first rows within 1.25 × a plain extension page painting one row, warm and cold.
    vsFloor({ section: SECTION, metric, unit: 'ms', values: opens.map((o) => o.paintedMs), floors, floorLabel, budget: { ratio: 1.25 } }),
    { section: SECTION, metric: `${metric}, p95`, value: painted.p95, unit: 'ms', summary: painted, headline: 'p95' },
    { section: SECTION, metric: `${kind}: main-thread script time per open`, value: script.median, unit: 'ms', summary: script,
      note: `where the time goes (medians, ms since navigation start): ${breakdown(opens)}` },
  ];
}

/**
 * Median milestones of an open: HTML parsed, scripts run, when each message type was first sent and
 * answered, the first row in the DOM, then its paint.
 */
function breakdown(opens: Open[]): string {
  const median = (values: number[]) => (values.length ? summarize(values).median.toFixed(0) : '–');
  const milestone = (label: string, pick: (marks: PanelMarks) => number | undefined) =>
    `${label} ${median(opens.flatMap((o) => pick(o.marks) ?? []))}`;
  const types = [...new Set(opens.flatMap((o) => o.marks.messages.map((m) => m.type)))];
  const parts = types.map((type) => {
    const sent = opens.flatMap((o) => o.marks.messages.filter((m) => m.type === type).slice(0, 1).map((m) => m.sent));
    const replied = opens.flatMap((o) => o.marks.messages.filter((m) => m.type === type && m.replied !== undefined).slice(0, 1).map((m) => m.replied!));
    return `${type} sent ${median(sent)} → reply ${replied.length ? median(replied) : '–'}`;
  });
  return [
    milestone('HTML parsed', (m) => m.domInteractive),
    milestone('scripts run (DOMContentLoaded)', (m) => m.domContentLoaded),
    ...parts,
    milestone('first row in the DOM', (m) => m.firstRowPending),
    `painted ${median(opens.map((o) => o.paintedMs))}`,
  ].join('; ');
}
