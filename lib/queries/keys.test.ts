import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeIncident } from '@/lib/background/test-fixtures';
import { catalogItem, connectionItem, openIncidentsItem } from '@/lib/storage';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const send = vi.fn();
vi.mock('@/lib/messaging/send', async (original) => ({ ...(await original<object>()), send: (...args: unknown[]) => send(...args) }));
const { queries } = await import('./keys');
const { prefetchFirstScreen } = await import('./prefetch');
const { adoptFirstRefresh } = await import('./open-incidents');

const incident = makeIncident(7);
const pollMs = DEFAULT_SETTINGS.pollIntervalSeconds * 1000;
let client: QueryClient;

beforeEach(() => {
  fakeBrowser.reset();
  send.mockReset();
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
});

describe('the side panel reads the shared caches itself', () => {
  it('a warm open paints from storage: connection, settings, catalog and list without one message', async () => {
    await connectionItem.set({ baseUrl: 'https://api.incident.io', identity: { name: 'Ada', dashboard_url: 'https://app.incident.io', roles: ['viewer'] } });
    await catalogItem.set({ catalog: { statuses: [], severities: [], types: [] }, fetchedAt: Date.now() });
    await openIncidentsItem.set({ incidents: [incident], fetchedAt: Date.now(), complete: true });
    await prefetchFirstScreen(client);
    expect(send).not.toHaveBeenCalled();
    expect(client.getQueryData(queries.connection().queryKey)).toMatchObject({ connected: true, capabilities: { canCreate: false } });
    expect(client.getQueryData(queries.openIncidents().queryKey)?.incidents).toEqual([incident]);
  });

  it('without a stored identity the panel is disconnected (it never reads the key)', async () => {
    expect(await client.fetchQuery(queries.connection())).toMatchObject({ connected: false, identity: null });
  });

  it('the list query revalidates: it waits for the shared refresh, then shows what landed', async () => {
    await openIncidentsItem.set({ incidents: [incident], fetchedAt: Date.now(), complete: true });
    const refilled = { incidents: [incident, makeIncident(8)], fetchedAt: Date.now() + 1, complete: true };
    send.mockImplementation(async () => {
      await openIncidentsItem.set(refilled);
      return { fetchedAt: refilled.fetchedAt, complete: true };
    });
    expect((await client.fetchQuery(queries.openIncidents())).incidents).toHaveLength(2);
    expect(send).toHaveBeenCalledWith('incidents/fill', { revalidate: true });
  });

  it('the first list query takes the revalidation the first-paint script asked for, then asks for itself', async () => {
    const refilled = { incidents: [incident, makeIncident(8)], fetchedAt: Date.now(), complete: true };
    await openIncidentsItem.set(refilled);
    adoptFirstRefresh(Promise.resolve({ ok: true, data: { fetchedAt: refilled.fetchedAt, complete: true } }));
    expect((await client.fetchQuery(queries.openIncidents())).incidents).toHaveLength(2);
    // One open, one ask: React mounting seconds later must not cost a second list request.
    expect(send).not.toHaveBeenCalled();
    send.mockResolvedValue({ fetchedAt: refilled.fetchedAt, complete: true });
    await client.refetchQueries({ queryKey: queries.openIncidents().queryKey });
    expect(send).toHaveBeenCalledWith('incidents/fill', { revalidate: true });
  });

  it('an adopted revalidation that never arrived (the worker restarting) is asked again', async () => {
    await openIncidentsItem.set({ incidents: [incident], fetchedAt: Date.now(), complete: true });
    adoptFirstRefresh(Promise.reject(new Error('Could not establish connection')));
    send.mockResolvedValue({ fetchedAt: Date.now(), complete: true });
    await client.fetchQuery(queries.openIncidents());
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('a failed revalidation is an error next to the list already shown, with its age', async () => {
    const shown = { incidents: [incident], fetchedAt: Date.now() - 5 * 60_000, complete: true };
    client.setQueryData(queries.openIncidents().queryKey, shown);
    send.mockResolvedValue({ fetchedAt: shown.fetchedAt, complete: true, error: { kind: 'network', message: 'Can’t reach incident.io.' } });
    await expect(client.fetchQuery(queries.openIncidents())).rejects.toMatchObject({ info: { kind: 'network' } });
    expect(client.getQueryData(queries.openIncidents().queryKey)).toEqual(shown);
  });

  it('a missing or old catalog comes from the background', async () => {
    send.mockResolvedValue({ statuses: [], severities: [], types: [] });
    await client.fetchQuery(queries.catalog());
    expect(send).toHaveBeenCalledWith('catalog/get', {});
  });
});

describe('the first screen is seeded from one round of storage reads', () => {
  it('an old list shows at once, marked stale so the mounted list revalidates; a missing catalog goes to the background', async () => {
    const old = Date.now() - pollMs - 1;
    await openIncidentsItem.set({ incidents: [incident], fetchedAt: old, complete: true });
    send.mockImplementation(() => new Promise(() => {}));
    await prefetchFirstScreen(client);
    expect(send).toHaveBeenCalledWith('catalog/get', {});
    expect(send).not.toHaveBeenCalledWith('incidents/fill', expect.anything());
    expect(client.getQueryData(queries.openIncidents().queryKey)?.incidents).toEqual([incident]);
    expect(client.getQueryState(queries.openIncidents().queryKey)?.dataUpdatedAt).toBe(old);
    expect(client.getQueryCache().find({ queryKey: queries.openIncidents().queryKey })?.isStaleByTime(0)).toBe(true);
    expect(client.getQueryData(queries.connection().queryKey)).toMatchObject({ connected: false });
  });
});

describe('one query-options factory per resource', () => {
  it('views and mutations take their keys from the factories, never a raw array', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const dirs = ['panel', 'components', 'entrypoints/sidepanel'].map((d) => path.resolve(import.meta.dirname, '../..', d));
    const raw = dirs.flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
      .filter((f) => /queryKey:\s*\[/.test(readFileSync(path.join(dir, f), 'utf8')))
      .map((f) => path.relative(path.resolve(import.meta.dirname, '../..'), path.join(dir, f))));
    expect(raw).toEqual([]);
  });

  it('an incident’s escalations and status page live under the incident scope (dropped with it)', () => {
    for (const key of [queries.escalations('01X').queryKey, queries.statusPageIncident('01X').queryKey]) {
      expect(key.slice(0, 1)).toEqual(queries.allIncidents().queryKey);
    }
  });
});
