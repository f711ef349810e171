import { attachToTarget, heapAfterGc, instrumentedPage, launch } from '../lib/browser';
import type { BenchContext } from '../lib/context';
import { cacheFilled, connectExtension, panelUrl, pollOnce, requireExtension, stopPollAlarm } from '../lib/extension';
import { addPanelProbe, panelMarks } from '../lib/probes';
import type { Result } from '../lib/report';
import { sandboxAdmin } from '../lib/sandbox-admin';

const SECTION = 'Memory (1 h of polling)';
const WARM_UP_POLLS = 5;
/** An hour at the default 60 s interval. */
const POLLS = 60;
const SAMPLE_EVERY = 15;
/** Churn incidents stay open this many minutes, so the open list keeps its size. */
const CHURN_LIFETIME = 3;
const KIB = 1024;

/** What colleagues do in incident.io during a simulated minute: declare one, close an older one, move one. */
async function minuteOfChanges(admin: ReturnType<typeof sandboxAdmin>, minute: number, declared: string[]): Promise<void> {
  const { incident } = await admin.declare({ name: `Memory churn ${minute}`, status: 'Investigating' });
  declared.push(incident.reference);
  if (declared.length > CHURN_LIFETIME) await admin.setStatus(declared.shift()!, 'Closed');
  await admin.setStatus('INC-123', minute % 2 === 0 ? 'Monitoring' : 'Fixing');
}

export async function benchMemory(ctx: BenchContext): Promise<Result[]> {
  ctx.sandbox.reset();
  const admin = sandboxAdmin(ctx.sandbox.url);
  const browser = await launch({ extensionDir: ctx.e2eDir });
  try {
    const { id, worker } = requireExtension(browser);
    await connectExtension(browser, ctx.sandbox.url);
    await stopPollAlarm(worker);
    await cacheFilled(worker);
    const panel = await instrumentedPage(browser.context);
    await addPanelProbe(panel.page, Number.POSITIVE_INFINITY);
    await panel.page.goto(panelUrl(id));
    await panelMarks(panel.page, 'firstRow');
    const sw = await attachToTarget(panel.cdp, 'service_worker', `chrome-extension://${id}/`);

    const declared: string[] = [];
    const outcomes: Record<string, number> = {};
    const tick = async (minute: number) => {
      await minuteOfChanges(admin, minute, declared);
      const outcome = await pollOnce(worker);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    };
    for (let m = 0; m < WARM_UP_POLLS; m++) await tick(m);
    const samples: { minute: number; swKiB: number; panelKiB: number }[] = [];
    const sample = async (minute: number) =>
      samples.push({ minute, swKiB: (await heapAfterGc(sw)) / KIB, panelKiB: (await panel.heap()) / KIB });
    await sample(0);
    for (let m = 1; m <= POLLS; m++) {
      await tick(WARM_UP_POLLS + m);
      if (m % SAMPLE_EVERY === 0) await sample(m);
    }
    await sw.detach();
    ctx.log(`memory: ${POLLS} polls (${JSON.stringify(outcomes)})`);

    const first = samples[0]!;
    const last = samples[samples.length - 1]!;
    const growth = (pick: (s: typeof first) => number) => ((pick(last) - pick(first)) / pick(first)) * 100;
    const trail = (pick: (s: typeof first) => number) => samples.map((s) => `${s.minute} min ${pick(s).toFixed(0)}`).join(', ');
    return [
      { section: SECTION, metric: 'service worker JS heap growth', value: growth((s) => s.swKiB), unit: '%', budget: { max: 10 },
        note: `KiB after GC: ${trail((s) => s.swKiB)}; poll outcomes ${JSON.stringify(outcomes)}` },
      { section: SECTION, metric: 'side panel JS heap growth', value: growth((s) => s.panelKiB), unit: '%', budget: { max: 10 },
        note: `KiB after GC: ${trail((s) => s.panelKiB)}` },
    ];
  } finally {
    await browser.close();
  }
}
