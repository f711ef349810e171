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
