export const DEFAULT_BASE_URL = 'https://api.incident.io';

export type BaseUrlResult = { ok: true; url: string } | { ok: false; message: string };

const SCHEME_MESSAGE =
  'Use an https:// URL, or http:// only on this computer (127.0.0.1 / localhost) for the sandbox.';

/**
 * Checks the API base URL a user typed. The API key is sent to this URL, so plain http is only
 * accepted where nothing leaves the machine (loopback), i.e. the local sandbox.
 */
export function validateBaseUrl(input: string): BaseUrlResult {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, message: `Enter the incident.io API base URL (${DEFAULT_BASE_URL}). ${SCHEME_MESSAGE}` };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: `That isn't a valid URL. ${SCHEME_MESSAGE}` };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    return { ok: false, message: SCHEME_MESSAGE };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'Remove the user name and password from the URL: the API key has its own field.' };
  }
  // The client appends `/v2/…` paths, so a query or fragment would end up in the wrong place.
  if (url.search || url.hash || trimmed.includes('?') || trimmed.includes('#')) {
    return { ok: false, message: 'Remove the ?query or #fragment: enter just the base URL, e.g. https://api.incident.io.' };
  }
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** The URL parser has already normalised the host (e.g. `127.1` → `127.0.0.1`, lower-case names). */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * The host to confirm before the key is sent to this (already validated) base URL, or null for
 * incident.io's own API and this computer (the sandbox). A look-alike such as
 * `api.incident.io.evil.example` is a custom endpoint like any other.
 */
export function customEndpointHost(baseUrl: string): string | null {
  const url = new URL(baseUrl);
  return url.hostname === new URL(DEFAULT_BASE_URL).hostname || isLoopback(url.hostname) ? null : url.host;
}
