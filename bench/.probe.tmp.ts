import { startSandbox } from '../sandbox/server';
import { launch, instrumentedPage } from './lib/browser';
import { connectExtension, panelUrl, requireExtension } from './lib/extension';
import { addPanelProbe, panelMarks } from './lib/probes';
import { run } from './lib/in-browser';

const sandbox = await startSandbox({ port: 0 });
const browser = await launch({ extensionDir: '/work/main/.output/chrome-mv3' });
try {
  await connectExtension(browser, sandbox.url);
  const tab = await instrumentedPage(browser.context);
  await addPanelProbe(tab.page, Number.POSITIVE_INFINITY);
  const id = requireExtension(browser).id;
  for (let i = 0; i < 8; i++) {
    await tab.page.goto(panelUrl(id));
    const marks = await panelMarks(tab.page, 'firstRow');
    const nav = await run(tab.page, () => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const res = performance.getEntriesByType('resource').map((r) => `${r.name.split('/').pop()} ${r.startTime.toFixed(0)}-${r.responseEnd.toFixed(0)}`);
      const paint = performance.getEntriesByType('paint').map((p) => `${p.name} ${p.startTime.toFixed(0)}`);
      return { resp: n.responseEnd.toFixed(0), domInteractive: n.domInteractive.toFixed(0), dcl: n.domContentLoadedEventEnd.toFixed(0), res, paint };
    }, undefined);
    console.log(JSON.stringify({ firstRow: marks.firstRow!.toFixed(0), ...nav, msgs: marks.messages.map((m) => `${m.type} ${m.sent.toFixed(0)}-${m.replied?.toFixed(0)}`) }));
  }
} finally { await browser.close(); await sandbox.close(); }
