import { browser } from '#imports';
import { AppError } from '@/lib/app-error';
import { HELPDESK_CSS_PATH, HELPDESK_SCRIPT_PATH } from '@/lib/content/files';
import { adapterForUrl } from '@/lib/helpdesk/registry';

const ID_PREFIX = 'site-';

const patternFor = (origin: string) => `${origin}/*`;
const scriptId = (origin: string) => `${ID_PREFIX}${origin.replace(/[^a-zA-Z0-9.-]/g, '_')}`;

/**
 * The origin a self-hosted desk can be enabled on: https (http on loopback) only, and not a SaaS desk the manifest
 * already covers (enabling would inject the script twice for nothing). Null when not eligible.
 */
export function enableableOrigin(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // Plain http only on this computer: the manifest's optional host permissions offer nothing else.
  const loopback = parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1';
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) return null;
  return adapterForUrl(parsed) ? null : parsed.origin;
}

/** Origins the help-desk script is registered on, from the browser's own registry (it persists). */
export async function enabledSites(): Promise<string[]> {
  const scripts = await browser.scripting.getRegisteredContentScripts();
  return scripts
    .filter((script) => script.id.startsWith(ID_PREFIX))
    .flatMap((script) => script.matches ?? [])
    .map((pattern) => pattern.replace(/\/\*$/, ''))
    .sort();
}

/**
 * Registers the help-desk content script on an origin the agent granted (the side panel asks with
 * `permissions.request` on their click; the grant is checked again here, never assumed), and runs
 * it in the agent's tab at once so the page needs no reload.
 */
export async function enableSite(url: string, tabId?: number): Promise<string[]> {
  const origin = enableableOrigin(url);
  if (!origin) throw new AppError({ kind: 'bad_input', message: 'Incident Copilot can only be enabled on https pages (http only on this computer) that are not already supported.' });
  if (!(await browser.permissions.contains({ origins: [patternFor(origin)] }))) {
    throw new AppError({ kind: 'not_allowed', message: `Allow Incident Copilot to read ${origin} first: click “Enable on this site” and accept the browser’s prompt.` });
  }
  if (!(await enabledSites()).includes(origin)) {
    await browser.scripting.registerContentScripts([{
      id: scriptId(origin), matches: [patternFor(origin)], js: [HELPDESK_SCRIPT_PATH], css: [HELPDESK_CSS_PATH], runAt: 'document_idle', persistAcrossSessions: true,
    }]);
  }
  if (tabId !== undefined) {
    // Best effort: the tab may have navigated elsewhere meanwhile; the registration still applies.
    await Promise.all([
      browser.scripting.insertCSS({ target: { tabId }, files: [HELPDESK_CSS_PATH] }),
      browser.scripting.executeScript({ target: { tabId }, files: [HELPDESK_SCRIPT_PATH] }),
    ]).catch(() => undefined);
  }
  return enabledSites();
}

/** Unregisters the script and gives the host permission back. */
export async function disableSite(origin: string): Promise<string[]> {
  const ids = [scriptId(origin)];
  if ((await browser.scripting.getRegisteredContentScripts({ ids })).length > 0) {
    await browser.scripting.unregisterContentScripts({ ids });
  }
  await browser.permissions.remove({ origins: [patternFor(origin)] }).catch(() => false);
  return enabledSites();
}

/**
 * Registrations persist across updates and name the files they inject: after an update they are
 * pointed at this version's files (which may have moved).
 */
async function refreshSiteScripts(): Promise<void> {
  const ids = (await browser.scripting.getRegisteredContentScripts()).map((script) => script.id).filter((id) => id.startsWith(ID_PREFIX));
  if (ids.length > 0) await browser.scripting.updateContentScripts(ids.map((id) => ({ id, js: [HELPDESK_SCRIPT_PATH], css: [HELPDESK_CSS_PATH] })));
}

/**
 * Access revoked outside the panel (chrome://extensions): stop registering the script there too.
 * An update: keep the registrations pointing at real files.
 */
export function registerSiteAccessListeners(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'update') void refreshSiteScripts();
  });
  browser.permissions.onRemoved.addListener(({ origins = [] }) => {
    const ids = origins.map((pattern) => scriptId(pattern.replace(/\/\*$/, '')));
    void browser.scripting.getRegisteredContentScripts({ ids }).then((found) =>
      found.length > 0 ? browser.scripting.unregisterContentScripts({ ids: found.map((script) => script.id) }) : undefined);
  });
}
