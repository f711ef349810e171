// Where the content script's added heap goes: heap snapshots of the 2,000-message ticket with and
// without the extension, self size summed by V8 node type and by constructor/name, the difference
// printed. A tool behind the bench's "added JS heap" figure (`npx tsx bench/heap-content.ts`, after
// `npm run build`), not a benchmark. DETAIL=1 names strings and closures one by one; TOP=n rows.
// Runtime.getHeapUsage (the bench's figure) counts V8's heap only: ExternalStringData (script
// sources) and blink:: rows are outside it.
import path from 'node:path';
import { instrumentedPage, launch, sleep, type BenchBrowser } from './lib/browser';
import { connectExtension } from './lib/extension';
import { serveTicket } from './lib/ticket-page';

interface Snapshot { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] }

const MESSAGES = Number(process.env.MESSAGES ?? 2000);
const { url, sandbox, desk, close } = await serveTicket(MESSAGES);

async function snapshotOf(browser: BenchBrowser): Promise<{ byType: Map<string, number>; byName: Map<string, number>; used: number }> {
  const tab = await instrumentedPage(browser.context);
  await tab.page.goto(url, { waitUntil: 'load' });
  await sleep(1500);
  const used = await tab.heap();
  const chunks: string[] = [];
  tab.cdp.on('HeapProfiler.addHeapSnapshotChunk', (e: { chunk: string }) => chunks.push(e.chunk));
  await tab.cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  const snap = JSON.parse(chunks.join('')) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [iType, iName, iSize] = (['type', 'name', 'self_size'] as const).map((f) => fields.indexOf(f)) as [number, number, number];
  const byType = new Map<string, number>();
  const byName = new Map<string, number>();
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + iType]!]!;
    const size = snap.nodes[i + iSize]!;
    let name = snap.strings[snap.nodes[i + iName]!]!;
    if (type === 'string' || type === 'concatenated string' || type === 'sliced string') name = process.env.DETAIL ? JSON.stringify(name.slice(0, 50)) : '(string)';
    else if (type === 'code') name = name.split(' ')[0] ?? name;
    else if (type === 'closure' && !process.env.DETAIL) name = '(closure)';
    else if (type === 'regexp') name = '(regexp)';
    byType.set(type, (byType.get(type) ?? 0) + size);
    const key = `${type}: ${name.slice(0, 60)}`;
    byName.set(key, (byName.get(key) ?? 0) + size);
  }
  await tab.page.close();
  return { byType, byName, used };
}

const runs = async (extensionDir: string | null) => {
  const browser = await launch({ extensionDir, args: desk.chromiumArgs });
  try {
    if (extensionDir) await connectExtension(browser, sandbox.url);
    await snapshotOf(browser); // warm: the second tab is the one measured, like the bench
    return await snapshotOf(browser);
  } finally { await browser.close(); }
};
try {
  const base = await runs(null);
  const ext = await runs(path.resolve(process.env.EXTENSION_DIR ?? '.output/chrome-mv3'));
  const kib = (b: number) => (b / 1024).toFixed(1).padStart(8);
  console.log(`used heap: without ${kib(base.used)} KiB, with ${kib(ext.used)} KiB, added ${kib(ext.used - base.used)} KiB`);
  const diff = (a: Map<string, number>, b: Map<string, number>) =>
    [...new Set([...a.keys(), ...b.keys()])].map((k) => [k, (b.get(k) ?? 0) - (a.get(k) ?? 0)] as const).sort((x, y) => y[1] - x[1]);
  console.log('\nadded by node type (KiB):');
  for (const [k, v] of diff(base.byType, ext.byType)) if (Math.abs(v) > 1024) console.log(`${kib(v)}  ${k}`);
  console.log('\nadded by name (KiB):');
  for (const [k, v] of diff(base.byName, ext.byName).slice(0, Number(process.env.TOP ?? 40))) console.log(`${kib(v)}  ${k}`);
} finally {
  await close();
}
