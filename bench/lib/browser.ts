import { type BrowserContext, type CDPSession, chromium, type Page, type Worker } from '@playwright/test';
import { CHROMIUM, QUIET_CHROMIUM_ARGS } from '../../e2e/fixtures';

export interface BenchBrowser {
  context: BrowserContext;
  /** Null when launched without the extension (the baseline for "added" costs). */
  extension: { id: string; worker: Worker } | null;
  close(): Promise<void>;
}

/** Headless Chromium with the unpacked extension at `extensionDir`, or without any extension. */
export async function launch(options: { extensionDir: string | null; args?: string[] }): Promise<BenchBrowser> {
  const { extensionDir, args = [] } = options;
  const extensionArgs = extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : [];
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 420, height: 900 },
    args: [...extensionArgs, ...QUIET_CHROMIUM_ARGS, ...args],
  });
  let extension: BenchBrowser['extension'] = null;
  if (extensionDir) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extension = { id: new URL(worker.url()).host, worker };
  }
  return { context, extension, close: () => context.close() };
}

export type Metrics = Record<string, number>;

/**
 * A page with the DevTools Performance domain on, counting in thread ticks (CPU time of the
 * renderer's main thread, not wall clock). Enable before navigating so the load is counted.
 */
export interface InstrumentedPage {
  page: Page;
  cdp: CDPSession;
  metrics(): Promise<Metrics>;
  /** The renderer's JS heap (main world and content scripts' isolated worlds) after a full GC, bytes. */
  heap(): Promise<number>;
}

export async function instrumentedPage(context: BrowserContext): Promise<InstrumentedPage> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return {
    page,
    cdp,
    async metrics() {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
    },
    async heap() {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    },
  };
}

/** Main-thread script time (execution + compilation) in ms, from Performance.getMetrics (seconds). */
export const scriptMs = (m: Metrics): number => ((m.ScriptDuration ?? 0) + (m.V8CompileDuration ?? 0)) * 1000;

/** A raw DevTools session to a target Playwright does not expose (the extension's service worker). */
export interface TargetSession {
  send<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  detach(): Promise<void>;
}

/**
 * Attaches to the first target of `type` whose URL starts with `urlPrefix`, through a page's
 * session (Target.attachToTarget without flatten, so replies come back as events on that session).
 */
export async function attachToTarget(cdp: CDPSession, type: string, urlPrefix: string): Promise<TargetSession> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === type && t.url.startsWith(urlPrefix));
  if (!target) throw new Error(`No ${type} target at ${urlPrefix}`);
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let nextId = 0;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const onMessage = (event: { sessionId?: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const waiter = reply.id === undefined ? undefined : pending.get(reply.id);
    if (!waiter || reply.id === undefined) return;
    pending.delete(reply.id);
    if (reply.error) waiter.reject(new Error(reply.error.message));
    else waiter.resolve(reply.result);
  };
  cdp.on('Target.receivedMessageFromTarget', onMessage);
  return {
    send: <T>(method: string, params: Record<string, unknown> = {}) =>
      new Promise<T>((resolve, reject) => {
        nextId += 1;
        pending.set(nextId, { resolve: resolve as (v: unknown) => void, reject });
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: nextId, method, params }) }).catch(reject);
      }),
    async detach() {
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    },
  };
}

/** Live JS heap (bytes) of a target after a full garbage collection, so only what is still reachable counts. */
export async function heapAfterGc(session: TargetSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send<{ usedSize: number }>('Runtime.getHeapUsage');
  return usedSize;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
