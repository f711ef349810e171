import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeIncident } from '@/lib/background/test-fixtures';
import { catalogItem, connectionItem, openIncidentsItem } from '@/lib/storage';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const send = vi.fn();
vi.mock('@/lib/messaging/send', () => ({ send: (...args: unknown[]) => send(...args) }));
const { queries } = await import('./keys');
const { prefetchFirstScreen } = await import('./prefetch');

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

  it('a stale list shows at once while the background refills the cache; the filled list then replaces it', async () => {
    await openIncidentsItem.set({ incidents: [incident], fetchedAt: Date.now() - pollMs - 1, complete: true });
    const refilled = { incidents: [incident, makeIncident(8)], fetchedAt: Date.now(), complete: true };
    let finish = () => {};
    send.mockImplementation(async () => {
      await new Promise<void>((resolve) => { finish = resolve; });
      await openIncidentsItem.set(refilled);
      return { fetchedAt: refilled.fetchedAt, complete: true };
    });
    const loading = client.fetchQuery(queries.openIncidents());
    await vi.waitFor(() => expect(client.getQueryData(queries.openIncidents().queryKey)?.incidents).toEqual([incident]));
    finish();
    expect((await loading).incidents).toHaveLength(2);
    expect(send).toHaveBeenCalledWith('incidents/fill', {});
  });

  it('a list still filling (first page only) asks the background, which finishes the refresh', async () => {
    await openIncidentsItem.set({ incidents: [incident], fetchedAt: Date.now(), complete: false });
    send.mockImplementation(async () => {
      await openIncidentsItem.set({ incidents: [incident], fetchedAt: Date.now(), complete: true });
      return { fetchedAt: Date.now(), complete: true };
    });
    expect(await client.fetchQuery(queries.openIncidents())).toMatchObject({ complete: true });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('a missing or old catalog comes from the background', async () => {
    send.mockResolvedValue({ statuses: [], severities: [], types: [] });
    await client.fetchQuery(queries.catalog());
    expect(send).toHaveBeenCalledWith('catalog/get', {});
  });
});

describe('the first screen is seeded from one round of storage reads', () => {
  it('stale caches go to the background, and a stale list shows meanwhile', async () => {
    await openIncidentsItem.set({ incidents: [incident], fetchedAt: Date.now() - pollMs - 1, complete: true });
    send.mockImplementation(() => new Promise(() => {}));
    await prefetchFirstScreen(client);
    expect(send).toHaveBeenCalledWith('catalog/get', {});
    expect(send).toHaveBeenCalledWith('incidents/fill', {});
    expect(client.getQueryData(queries.openIncidents().queryKey)?.incidents).toEqual([incident]);
    expect(client.getQueryData(queries.connection().queryKey)).toMatchObject({ connected: false });
  });
});
