import type { Page } from '@playwright/test';
import { startHelpdeskServer } from '../../e2e/helpdesk/https-server';
import { fixtureUrl } from '../../lib/helpdesk/fixtures/load-fixture';
import { launch, sleep } from '../lib/browser';
import type { BenchContext } from '../lib/context';
import { cacheFilled, connectExtension, pollOnce, requireExtension, stopPollAlarm } from '../lib/extension';
import type { Result } from '../lib/report';
import { type LoggedRequest, sandboxAdmin } from '../lib/sandbox-admin';
import { DEFAULT_SETTINGS } from '../../lib/settings';

const SECTION = 'API economy';
const TAB_COUNTS = [1, 10, 50] as const;
const MINUTES = 2;
/**
 * A compressed minute: one poll, then every visible tab regains focus (each asks for a revalidation).
 * Longer than the 2 s within which asks share the last refresh, so each minute's asks reach the background anew.
 */
const MINUTE_MS = 5_300;
const SETTLE_MS = 800;
const OPEN_BATCH = 10;
const TEAM_AGENTS = 200;
const KEY_LIMIT_PER_MINUTE = 1200;
const ZENDESK_FIXTURE = 'lib/helpdesk/fixtures/zendesk.html';
const MAX_TAB_RATIO = 1.2;

const attachmentsPerMinute = (s: Scenario) => (s.byPath['GET /v1/incident_attachments'] ?? 0) / MINUTES;
/** 10 tabs' request rate over 1 tab's; 1 tab's rate is never 0 here (its poll lists incidents). */
const tabRatio = (one: Scenario, ten: Scenario) => (one.allPerMinute > 0 ? ten.allPerMinute / one.allPerMinute : null);

const isList = (r: LoggedRequest) => r.method === 'GET' && r.path === '/v2/incidents';

interface Scenario {
  tabs: number;
  /** Requests while the tabs opened (each tab's first read), per tab. */
  openingPerTab: number;
  listPerMinute: number;
  allPerMinute: number;
  pollOutcomes: string[];
  visibleTabs: number;
  byPath: Record<string, number>;
}

/**
 * One agent's browser with `tabs` Zendesk tickets open, over compressed minutes: each minute the
 * poller's tick (the e2e hook) and, in every visible tab, what its own 60 s timer does (a refresh,
 * triggered here by the `focus` event that runs the same refresh).
 */
async function scenario(ctx: BenchContext, tabs: number): Promise<Scenario> {
  ctx.sandbox.reset();
  const admin = sandboxAdmin(ctx.sandbox.url);
  const base = new URL(fixtureUrl('zendesk'));
  const urls = Array.from({ length: tabs }, (_, i) => `${base.origin}/agent/tickets/${48300 + i}`);
  const desk = await startHelpdeskServer({ routes: Object.fromEntries(urls.map((url) => [url, ZENDESK_FIXTURE])) });
  const browser = await launch({ extensionDir: ctx.e2eDir, args: desk.chromiumArgs });
  try {
    const { worker } = requireExtension(browser);
    await connectExtension(browser, ctx.sandbox.url);
    await stopPollAlarm(worker);
    await cacheFilled(worker);
    await admin.clearRequests();
    const pages: Page[] = [];
    for (let i = 0; i < urls.length; i += OPEN_BATCH) {
      pages.push(...(await Promise.all(urls.slice(i, i + OPEN_BATCH).map(async (url) => {
        const page = await browser.context.newPage();
        await page.goto(url, { waitUntil: 'load' });
        return page;
      }))));
    }
    // The opening's own requests settle first, so the first compressed minute counts for every tab.
    await sleep(MINUTE_MS);
    const opening = (await admin.requests()).length;
    await admin.clearRequests();

    const pollOutcomes: string[] = [];
    let visibleTabs = 0;
    for (let minute = 0; minute < MINUTES; minute++) {
      const started = Date.now();
      pollOutcomes.push(await pollOnce(worker));
      visibleTabs = 0;
      for (const page of pages) {
        const visible = await page.evaluate(() => {
          if (document.visibilityState !== 'visible') return false;
          window.dispatchEvent(new Event('focus'));
          return true;
        });
        if (visible) visibleTabs += 1;
      }
      await sleep(Math.max(SETTLE_MS, MINUTE_MS - (Date.now() - started)));
    }
    const requests = await admin.requests();
    const byPath: Record<string, number> = {};
    for (const r of requests) byPath[`${r.method} ${r.path}`] = (byPath[`${r.method} ${r.path}`] ?? 0) + 1;
    return {
      tabs, openingPerTab: opening / tabs, listPerMinute: requests.filter(isList).length / MINUTES,
      allPerMinute: requests.length / MINUTES, pollOutcomes, visibleTabs, byPath,
    };
  } finally {
    await browser.close();
    await desk.close();
  }
}

export async function benchApiEconomy(ctx: BenchContext): Promise<Result[]> {
  const scenarios: Scenario[] = [];
  for (const tabs of TAB_COUNTS) {
    scenarios.push(await scenario(ctx, tabs));
    ctx.log(`api economy: ${tabs} tab(s)`);
  }
  const lists = scenarios.map((s) => s.listPerMinute);
  const one = scenarios[0]!;
  const interval = DEFAULT_SETTINGS.pollIntervalSeconds;
  return [
    ...scenarios.flatMap((s): Result[] => [
      { section: SECTION, metric: `${s.tabs} help-desk tab(s): list requests (GET /v2/incidents) per minute`, value: s.listPerMinute, unit: '/min',
        note: `polls: ${s.pollOutcomes.join(', ')}; ${s.visibleTabs}/${s.tabs} tabs report visible (headless), so each refreshes every minute: a worst case` },
      { section: SECTION, metric: `${s.tabs} help-desk tab(s): all API requests per minute`, value: s.allPerMinute, unit: '/min',
        note: `${Object.entries(s.byPath).map(([path, n]) => `${path} ${n / MINUTES}/min`).join(', ') || 'none'}; opening each tab cost ${s.openingPerTab.toFixed(1)} requests` },
    ]),
    // Issue 10: tabs of distinct tickets must not multiply requests (links are read per incident, not per ticket).
    { section: SECTION, metric: '10 help-desk tabs of distinct tickets: all API requests per minute (floor: 1 tab)', value: scenarios[1]!.allPerMinute, unit: '/min',
      floor: { value: one.allPerMinute, label: '1 tab' }, budget: { ratio: MAX_TAB_RATIO, label: `≤ ${MAX_TAB_RATIO} × 1 tab` },
      note: `ratio ${tabRatio(one, scenarios[1]!)?.toFixed(2) ?? 'n/a'}; GET /v1/incident_attachments ${attachmentsPerMinute(one)} vs ${attachmentsPerMinute(scenarios[1]!)}/min (read per open incident, not per ticket)` },
    { section: SECTION, metric: 'list requests per minute: most minus fewest over 1/10/50 tabs', value: Math.max(...lists) - Math.min(...lists), unit: '/min',
      budget: { max: 0, label: '0 (flat)' } },
    { section: SECTION, metric: `team view: ${TEAM_AGENTS} agents × list polls at ${interval} s`, value: TEAM_AGENTS * one.listPerMinute, unit: '/min',
      budget: { max: KEY_LIMIT_PER_MINUTE, label: `≤ ${KEY_LIMIT_PER_MINUTE}/min (key limit)` },
      note: `with one ticket tab each, all reads: ${TEAM_AGENTS} × ${one.allPerMinute} = ${TEAM_AGENTS * one.allPerMinute}/min; with 10 tabs each: ${TEAM_AGENTS * scenarios[1]!.allPerMinute}/min` },
  ];
}
