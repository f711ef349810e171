/** http(s) only: links from pages and the API must never become `javascript:` or `data:` URLs. */
export const isWebUrl = (url: string | undefined): url is string => /^https?:\/\//i.test(url ?? '');

/** The URL, normalised, if it is a well-formed http(s) URL; else null. */
export function safeHttpUrl(url: string | undefined): string | null {
  if (!isWebUrl(url)) return null;
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}

/** incident.io's own web app; an org's dashboard URL (from its key's identity) may name another host. */
const INCIDENT_IO_APP_HOST = 'app.incident.io';

/**
 * An incident permalink as a link target, or null: https on the organisation's incident.io host
 * only. The permalink comes from the API (or a custom endpoint), and "Open in incident.io" must not
 * lead an agent anywhere else.
 */
export function safeIncidentUrl(url: string | undefined, dashboardUrl?: string): string | null {
  const safe = safeHttpUrl(url);
  if (!safe) return null;
  const target = new URL(safe);
  const hosts = new Set([INCIDENT_IO_APP_HOST]);
  const dashboard = safeHttpUrl(dashboardUrl);
  if (dashboard?.startsWith('https:')) hosts.add(new URL(dashboard).host);
  return target.protocol === 'https:' && hosts.has(target.host) ? safe : null;
}
