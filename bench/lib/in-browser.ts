import type { Page, Worker } from '@playwright/test';

/**
 * tsx compiles with esbuild's keepNames, which wraps named inner functions in `__name(…)`, a helper
 * that exists only in Node. Functions sent to a page or worker therefore go as source with a stand-in.
 */
export function source<A>(fn: (arg: A) => unknown, arg: A): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg) ?? 'undefined'}); })()`;
}

/** `target.evaluate(fn, arg)` for functions compiled by tsx. */
export function run<A, R>(target: Page | Worker, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  const expression = source(fn, arg);
  return ('goto' in target ? target.evaluate(expression) : target.evaluate(expression)) as Promise<R>;
}

/** `page.addInitScript(fn, arg)` for functions compiled by tsx: runs before any of the page's scripts. */
export async function beforePageScripts<A>(page: Page, fn: (arg: A) => unknown, arg: A): Promise<void> {
  await page.addInitScript({ content: source(fn, arg) });
}
