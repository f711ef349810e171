import { ext } from './ext';

/**
 * The help-desk script's life on one page: every listener and timer hangs off one AbortSignal,
 * which ends when the extension goes away (updated, reloaded or removed: `runtime.id` is gone) or a
 * newer copy of the script starts in the same page (re-injected after "Enable on this site").
 *
 * WXT's ContentScriptContext does the same with more machinery: it touches the `browser` namespace,
 * posts to the page's window and polls `location` every second. This checks `runtime.id` only when
 * one of its own callbacks runs, and hears in-app navigations from the Navigation API as they
 * commit, not up to a second later.
 */
export interface PageLife {
  readonly signal: AbortSignal;
  /** False once invalidated; checking it notices an extension that went away. */
  readonly isValid: boolean;
  on<K extends keyof WindowEventMap>(target: Window, type: K, listener: (event: WindowEventMap[K]) => void, options?: AddEventListenerOptions): void;
  on<K extends keyof DocumentEventMap>(target: Document, type: K, listener: (event: DocumentEventMap[K]) => void, options?: AddEventListenerOptions): void;
  setTimeout(fn: () => void, ms: number): void;
  setInterval(fn: () => void, ms: number): void;
  /** Same-document navigations (a help desk's router switching tickets), as they commit. */
  onUrlChange(fn: () => void): void;
  onInvalidated(fn: () => void): void;
}

/** Where a running copy of the script leaves its stop function: the extension's isolated world, which page scripts can't reach. */
const STOP_KEY = Symbol.for('incident-copilot.helpdesk.stop');
type WorldGlobal = typeof globalThis & { [STOP_KEY]?: () => void };

interface NavigationLike {
  addEventListener(type: 'currententrychange', listener: () => void, options?: AddEventListenerOptions): void;
}

export function startPageLife(view: Window & typeof globalThis = window): PageLife {
  const world = globalThis as WorldGlobal;
  world[STOP_KEY]?.();
  const controller = new AbortController();
  const { signal } = controller;
  const invalidate = () => controller.abort();
  world[STOP_KEY] = invalidate;
  signal.addEventListener('abort', () => {
    if (world[STOP_KEY] === invalidate) delete world[STOP_KEY];
  });

  const valid = (): boolean => {
    if (!signal.aborted && ext.runtime?.id === undefined) invalidate();
    return !signal.aborted;
  };
  /** Runs `fn` only while valid: an orphaned script stops at its next callback. */
  const guarded = <A extends unknown[]>(fn: (...args: A) => void) => (...args: A) => {
    if (valid()) fn(...args);
  };

  return {
    signal,
    get isValid() {
      return valid();
    },
    on(target: EventTarget, type: string, listener: (event: never) => void, options?: AddEventListenerOptions) {
      target.addEventListener(type, guarded(listener as (event: Event) => void), { ...options, signal });
    },
    setTimeout(fn, ms) {
      // The abort listener goes when the timer fires: one is set on every in-app navigation.
      const cancel = () => view.clearTimeout(id);
      const run = guarded(fn);
      const id = view.setTimeout(() => {
        signal.removeEventListener('abort', cancel);
        run();
      }, ms);
      signal.addEventListener('abort', cancel, { once: true });
    },
    setInterval(fn, ms) {
      const id = view.setInterval(guarded(fn), ms);
      signal.addEventListener('abort', () => view.clearInterval(id));
    },
    onUrlChange(fn) {
      (view as { navigation?: NavigationLike }).navigation?.addEventListener('currententrychange', guarded(fn), { signal });
    },
    onInvalidated(fn) {
      signal.addEventListener('abort', fn, { once: true });
    },
  };
}
