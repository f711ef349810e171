import { test } from '@playwright/test';

/**
 * A machine test's prerequisite (a browser, a display tool, a policy directory): on a developer's
 * machine that lacks it the test is skipped with what to install; in CI (`.ci/run` installs all of
 * them) a missing one fails the run instead, so no test silently stops running there.
 */
export function needs(missing: string | null): void {
  if (missing !== null && process.env.CI) throw new Error(`CI machine is missing a prerequisite: ${missing}`);
  test.skip(missing !== null, missing ?? '');
}
