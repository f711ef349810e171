/**
 * Whether a URL falls under a manifest match pattern (`https://*.zendesk.com/agent/*`), with
 * Chrome's semantics: `*.` covers the bare domain and any subdomain, the path glob covers the query.
 * https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns
 */
export function matchesPattern(pattern: string, url: URL): boolean {
  const parts = /^(https?|\*):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!parts) return false;
  const [, scheme = '', host = '', path = ''] = parts;
  if (scheme === '*' ? !['http:', 'https:'].includes(url.protocol) : url.protocol !== `${scheme}:`) return false;
  const hostOk = host === '*'
    || (host.startsWith('*.') ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1)) : url.hostname === host);
  if (!hostOk) return false;
  const glob = new RegExp(`^${path.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return glob.test(url.pathname + url.search);
}
