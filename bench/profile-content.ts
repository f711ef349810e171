// Where the content script's load time goes: a CPU profile of the 2,000-message ticket page with
// the production build, summed by script file and by function (self time). A tool for the
// bench's content-script figures (`npx tsx bench/profile-content.ts`, after `npm run build`), not
// a benchmark: profiling itself slows the page down.
import path from 'node:path';
import { instrumentedPage, launch, scriptMs, sleep } from './lib/browser';
import { connectExtension } from './lib/extension';
import { run as inPage } from './lib/in-browser';
import { closeEveryIncident } from './lib/sandbox-admin';
import { appendMessage, messageText, serveTicket } from './lib/ticket-page';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const MESSAGES = Number(process.env.MESSAGES ?? 2000);
const RUNS = Number(process.env.RUNS ?? 3);

const { url, sandbox, desk, close } = await serveTicket(MESSAGES);
const browser = await launch({ extensionDir: path.resolve(process.env.EXTENSION_DIR ?? '.output/chrome-mv3'), args: desk.chromiumArgs });
try {
  await connectExtension(browser, sandbox.url);
  // QUIET=1: the usual ticket, no incident open (a first load empties the background's list).
  if (process.env.QUIET === '1') {
    await closeEveryIncident(sandbox.url);
    await sleep(2500); // past the 2 s in which a revalidation reuses the list connecting just fetched
    const warm = await browser.context.newPage();
    await warm.goto(url, { waitUntil: 'load' });
    await sleep(1000);
    await warm.close();
  }
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (let run = 0; run < RUNS; run++) {
    const tab = await instrumentedPage(browser.context);
    const profiling = process.env.NO_PROFILE !== '1';
    // PHASE=messages: profile 10 new messages after the load instead of the load.
    const messages = process.env.PHASE === 'messages';
    if (messages) {
      await tab.page.goto(url, { waitUntil: 'load' });
      await sleep(700);
      await tab.page.evaluate(() => performance.clearMeasures());
    }
    if (profiling) {
      await tab.cdp.send('Profiler.enable');
      await tab.cdp.send('Profiler.setSamplingInterval', { interval: Number(process.env.INTERVAL_US ?? 50) });
      await tab.cdp.send('Profiler.start');
    }
    if (messages) {
      for (let n = 1; n <= 10; n++) {
        await inPage(tab.page, appendMessage, messageText(n));
        await sleep(130);
      }
    } else await tab.page.goto(url, { waitUntil: 'load' });
    await sleep(700);
    const { profile } = profiling ? ((await tab.cdp.send('Profiler.stop')) as unknown as { profile: Profile }) : { profile: { nodes: [], samples: [], timeDeltas: [] } };
    // The e2e build's own marks (page.ts `measure`): what each phase of the page core cost.
    const marks = await tab.page.evaluate(() => performance.getEntriesByType('measure')
      .filter((m) => m.name.startsWith('incident-copilot:')).map((m) => `${m.name.slice(17)} ${m.duration.toFixed(2)}`));
    if (marks.length) console.log(`  marks: ${marks.join(', ')}`);
    console.log(`run ${run + 1}: script ${scriptMs(await tab.metrics()).toFixed(1)} ms (page and extension)`);
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const nameOf = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^chrome-extension:\/\/[^/]+\//, '')}:${n.callFrame.lineNumber + 1}`;
    profile.samples.forEach((id, i) => {
      const node = nodes.get(id)!;
      const ms = (profile.timeDeltas[i] ?? 0) / 1000 / RUNS;
      const where = node.callFrame.url.replace(/^chrome-extension:\/\/[^/]+\//, 'ext:') || `(${node.callFrame.functionName || 'native'})`;
      if (!where.startsWith('ext:')) return;
      byFile.set(where, (byFile.get(where) ?? 0) + ms);
      const name = `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
      // Inclusive: every extension function on the sample's stack, once.
      const onStack = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const n = nodes.get(at)!;
        if (n.callFrame.url.startsWith('chrome-extension://')) onStack.add(nameOf(n));
      }
      for (const f of onStack) inclusive.set(f, (inclusive.get(f) ?? 0) + ms);
    });
    await tab.page.close();
  }
  const top = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log('\nextension self time by file (ms, mean per load):');
  for (const [name, ms] of top(byFile, 20)) console.log(`${ms.toFixed(2).padStart(7)}  ${name}`);
  console.log('\ninclusive (ms):');
  for (const [name, ms] of top(inclusive, 45)) console.log(`${ms.toFixed(2).padStart(7)}  ${name}`);
  console.log('\nby function:');
  for (const [name, ms] of top(byFunction, 30)) console.log(`${ms.toFixed(2).padStart(7)}  ${name}`);
} finally {
  await browser.close();
  await close();
}
