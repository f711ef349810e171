import { browser } from '#imports';
import { readManagedConfig, watchManagedConfig } from '@/lib/managed';
import { enableableOrigin, enabledSites, enableSite } from './site-access';

/**
 * The help-desk origins the organisation's policy lists: the help-desk script is registered on each
 * one the browser lets the extension read (an install that holds the host permission, e.g. granted
 * once by the agent or by the org's packaging). One without the grant stays for the agent's
 * "Enable on this site", which the side panel offers there. Returns the origins now enabled.
 */
export async function applyManagedSites(): Promise<string[]> {
  const { helpdeskOrigins = [] } = await readManagedConfig();
  const already = new Set(await enabledSites());
  for (const entry of helpdeskOrigins) {
    const origin = enableableOrigin(entry);
    if (!origin || already.has(origin)) continue;
    if (!(await browser.permissions.contains({ origins: [`${origin}/*`] }))) continue;
    await enableSite(origin).catch(() => undefined);
  }
  return enabledSites();
}

/** At start-up and whenever IT changes the policy while the browser runs. */
export function registerManagedSites(): void {
  void applyManagedSites();
  watchManagedConfig(() => void applyManagedSites());
}
