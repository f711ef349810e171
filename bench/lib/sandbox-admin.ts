import { KEYS } from '../../e2e/fixtures';

/** The query the extension lists open incidents with (triage, live, paused; the largest page). */
export const OPEN_LIST_QUERY = 'page_size=250&status_category[one_of]=triage&status_category[one_of]=live&status_category[one_of]=paused';

/** The bench's client for the sandbox admin API (`/_sandbox/*`), for a sandbox on any port. */
export function sandboxAdmin(baseUrl: string) {
  async function call<T = unknown>(method: string, route: string, body?: unknown): Promise<T> {
    const res = await fetch(`${baseUrl}/_sandbox/${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`sandbox ${method} ${route}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
  return {
    call,
    requests: async () => (await call<{ requests: LoggedRequest[] }>('GET', 'requests')).requests,
    clearRequests: () => call('DELETE', 'requests'),
    bulkDeclare: (body: { count: number; name?: string; status?: string; severity?: string }) =>
      call<{ count: number; references: string[] }>('POST', 'incidents/bulk', body),
    declare: (body: { name: string; status?: string; severity?: string }) =>
      call<{ incident: SandboxIncident }>('POST', 'incidents', body),
    setStatus: (reference: string, status: string) => call('POST', `incidents/${encodeURIComponent(reference)}/status`, { status }),
  };
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  status: number | null;
  at: string;
}

export interface SandboxIncident {
  id: string;
  reference: string;
  name: string;
  incident_status: { name: string; category: string };
}

/** Moves every open incident of the sandbox to Closed: the usual day, nothing for a ticket to show. */
export async function closeEveryIncident(sandboxUrl: string): Promise<void> {
  const res = await fetch(`${sandboxUrl}/v2/incidents?${OPEN_LIST_QUERY}`, { headers: { Authorization: `Bearer ${KEYS.full}` } });
  const { incidents } = (await res.json()) as { incidents: { reference: string }[] };
  const admin = sandboxAdmin(sandboxUrl);
  for (const { reference } of incidents) await admin.setStatus(reference, 'Closed');
}
