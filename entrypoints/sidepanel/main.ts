import '@/components/styles.css';
import { paintFirstRows } from './first-paint';

/**
 * The side panel's only eagerly loaded script: the first rows come straight from the background's
 * shared cache in storage (no service-worker round trip, no React), then the React app loads and
 * takes over. Everything else (React, TanStack Query, zod, the views) is a lazy chunk.
 */
const root = document.getElementById('root')!;

/** After the next frame is painted: evaluating React first would hold the painted rows back by its cost. */
const afterPaint = () => new Promise<void>((resolve) => {
  // A hidden document paints no frames: don't wait for one.
  if (document.visibilityState === 'hidden') return resolve();
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
});

void paintFirstRows(root)
  .then(async (first) => {
    if (first.painted) await afterPaint();
    // React's first screen reads the stored list: not before it is there, or it would blank the rows.
    await first.stored;
    return { refresh: first.refresh }; // wrapped: a returned promise would be awaited here
  }, () => ({ refresh: undefined }))
  .then(async ({ refresh }) => (await import('./app')).startApp(root, refresh));
