export type LoggedRequest = {
  method: string;
  path: string;
  /** Decoded query string without the `?`, e.g. `status_category[one_of]=live&page_size=25`. */
  query: string;
  keyName: string | null;
  /** HTTP status sent, or null when the connection hung or was dropped. */
  status: number | null;
  /** ISO timestamp of arrival. */
  at: string;
};

export type RequestLogFilter = { method?: string; path?: string; since?: number };

/** API calls the sandbox answered (admin calls are not logged), for e2e assertions such as polling rates. */
export function createRequestLog() {
  let entries: LoggedRequest[] = [];
  return {
    add(entry: LoggedRequest): LoggedRequest {
      entries.push(entry);
      return entry;
    },
    list(filter: RequestLogFilter = {}): LoggedRequest[] {
      return entries.filter((e) =>
        (!filter.method || e.method === filter.method.toUpperCase())
        && (!filter.path || e.path === filter.path)
        && (filter.since === undefined || Date.parse(e.at) >= filter.since));
    },
    clear(): void {
      entries = [];
    },
  };
}
export type RequestLog = ReturnType<typeof createRequestLog>;

export function decodedQuery(search: URLSearchParams): string {
  return [...search].map(([key, value]) => `${key}=${value}`).join('&');
}
