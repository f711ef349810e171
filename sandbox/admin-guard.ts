import type { IncomingHttpHeaders } from 'node:http';

/** The loopback names a browser can reach the sandbox by; anything else in `Host` is DNS rebinding. */
const LOOPBACK_HOST = /^(?:localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(?::\d{1,5})?$/i;
const EXTENSION_ORIGIN = /^(?:chrome|moz)-extension:\/\/[a-z0-9-]+$/i;

/**
 * Why an admin request (`/_sandbox/*`) is refused, or null. Any web page can send the browser to
 * 127.0.0.1, so: the `Host` must be loopback (a rebinding page's host is its own name), an `Origin`
 * must be an extension's or the sandbox's own (browsers send it on every cross-site POST), and a body
 * must be declared JSON (text/plain forms and `no-cors` fetches can't, without a CORS preflight the
 * sandbox never grants to web origins). Node clients (tests, bench, scripts) send no Origin.
 */
export function adminRefusal(method: string, headers: IncomingHttpHeaders, hasBody: boolean): { status: number; error: string } | null {
  const host = headers.host ?? '';
  if (!LOOPBACK_HOST.test(host)) {
    return { status: 403, error: 'The sandbox admin API only answers requests addressed to 127.0.0.1 or localhost' };
  }
  const origin = headers.origin;
  if (origin !== undefined && !EXTENSION_ORIGIN.test(origin) && origin.toLowerCase() !== `http://${host.toLowerCase()}`) {
    return { status: 403, error: 'The sandbox admin API refuses requests from web pages' };
  }
  const type = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (method !== 'GET' && hasBody && type !== 'application/json') {
    return { status: 415, error: 'Send the sandbox admin API a JSON body (Content-Type: application/json)' };
  }
  return null;
}
