import type { RunningSandbox } from '../../sandbox/server';

/** What every bench section gets from the runner. */
export interface BenchContext {
  /** The production build (`npm run build`). */
  prodDir: string;
  /** The production build plus test hooks (`npm run build:e2e`): only where a hook is needed. */
  e2eDir: string;
  /** One sandbox for the whole run; sections reset it before use. */
  sandbox: RunningSandbox;
  /** Scratch space for generated pages. */
  workDir: string;
  /** Progress on stderr, so stdout stays the table. */
  log(message: string): void;
}
