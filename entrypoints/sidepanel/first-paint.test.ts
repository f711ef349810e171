// @vitest-environment jsdom
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeIncident, status } from '@/lib/background/test-fixtures';
import { publishFirstAsk } from './first-ask';
import { type FirstPaint, paintFirstRows } from './first-paint';

const identity = { name: 'Ada', dashboard_url: 'https://app.incident.io', roles: ['viewer'] };
const triage = makeIncident(136, { name: 'Missing invoices', incident_status: status.triage });
const active = makeIncident(131, { name: 'Database latency' });
let root: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '<div id="root"></div>';
  root = document.getElementById('root')!;
});

const rows = () => [...root.querySelectorAll('.incident-rows li')].map((li) => li.textContent);

/** React may read the stored list only after `write()` (the write its first screen waits for). */
async function expectReactToWaitFor(first: FirstPaint, write: () => void) {
  let reactMayRead = false;
  void first.stored!.then(() => { reactMayRead = true; });
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(reactMayRead).toBe(false);
  write();
  await vi.waitFor(() => expect(reactMayRead).toBe(true));
}

describe('the side panel’s first rows, before React', () => {
  it('paints the cached list from storage, grouped as the React list, inert until React takes over', async () => {
    await fakeBrowser.storage.local.set({ connection: { baseUrl: 'https://api.incident.io', identity } });
    await fakeBrowser.storage.session.set({ openIncidents: { incidents: [active, triage], fetchedAt: Date.now() - 60_000, complete: true } });
    const sent = vi.fn(async () => ({ ok: true, data: { fetchedAt: Date.now(), complete: true } }));
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(sent as never);
    const first = await paintFirstRows(root);
    expect(first.painted).toBe(true);
    // The revalidation is asked for at once, not when React has loaded, and handed to React.
    expect(sent).toHaveBeenCalledWith({ type: 'incidents/fill', payload: { revalidate: true } });
    expect(await first.refresh).toMatchObject({ ok: true });
    expect(rows()).toEqual(['INC-136TriageMissing invoices', 'INC-131InvestigatingDatabase latency']);
    expect([...root.querySelectorAll('.group-heading')].map((h) => h.textContent)).toEqual(['Triage 1', 'Active 1']);
    const section = root.querySelector('section')!;
    expect(section.inert).toBe(true);
    // About to be revalidated: never "Updated just now" on a list that may predate a change.
    expect(section.querySelector('.list-meta')!.textContent).toBe('Refreshing…');
  });

  it('paints nothing when not connected, for a panel opened to show something else, or for a malformed cache', async () => {
    await fakeBrowser.storage.session.set({ openIncidents: { incidents: [active], fetchedAt: Date.now(), complete: true } });
    expect((await paintFirstRows(root)).painted).toBe(false);
    await fakeBrowser.storage.local.set({ connection: { baseUrl: 'https://api.incident.io', identity } });
    await fakeBrowser.storage.session.set({ panelIntent: { kind: 'declare' } });
    // Nothing handed to React either: it asks for itself once it shows the list.
    expect(await paintFirstRows(root)).toEqual({ painted: false });
    await fakeBrowser.storage.session.remove('panelIntent');
    await fakeBrowser.storage.session.set({ openIncidents: { incidents: [{ reference: 7 }], fetchedAt: Date.now() } });
    expect((await paintFirstRows(root)).painted).toBe(false);
    expect(root.childElementCount).toBe(0);
  });

  it('with no cache (first open after start) asks the background to fill it and paints the list as it lands', async () => {
    await fakeBrowser.storage.local.set({ connection: { baseUrl: 'https://api.incident.io', identity } });
    const sent = vi.fn(async () => {
      await fakeBrowser.storage.session.set({ openIncidents: { incidents: [active], fetchedAt: Date.now(), complete: true } });
      return { ok: true, data: { fetchedAt: Date.now(), complete: true } };
    });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(sent as never);
    expect((await paintFirstRows(root)).painted).toBe(true);
    expect(sent).toHaveBeenCalledWith({ type: 'incidents/fill', payload: { revalidate: true } });
    expect(rows()).toEqual(['INC-131InvestigatingDatabase latency']);
  });

  it('cold, paints the refresh’s first rows as the background parsed them, before the list is stored; React waits for it', async () => {
    await fakeBrowser.storage.local.set({ connection: { baseUrl: 'https://api.incident.io', identity } });
    let store: () => void = () => undefined;
    const stored = new Promise<void>((resolve) => { store = resolve; });
    const row = { reference: active.reference, name: active.name, incident_status: active.incident_status, visibility: 'public' };
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async ({ type }: { type: string }) => {
      if (type === 'incidents/first-rows') return { ok: true, data: { incidents: [row], fetchedAt: Date.now(), complete: true } };
      await stored;
      await fakeBrowser.storage.session.set({ openIncidents: { incidents: [active], fetchedAt: Date.now(), complete: true } });
      return { ok: true, data: { fetchedAt: Date.now(), complete: true } };
    }) as never);
    const first = await paintFirstRows(root);
    expect(first.painted).toBe(true);
    expect(rows()).toEqual(['INC-131InvestigatingDatabase latency']);
    await expectReactToWaitFor(first, store);
  });

  it('cold, for a large org React takes over once the first page is stored, not after the whole list', async () => {
    await fakeBrowser.storage.local.set({ connection: { baseUrl: 'https://api.incident.io', identity } });
    const row = { reference: active.reference, name: active.name, incident_status: active.incident_status, visibility: 'public' };
    let firstPageWritten: () => void = () => undefined;
    const written = new Promise<void>((resolve) => { firstPageWritten = resolve; });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async ({ type }: { type: string }) => {
      if (type === 'incidents/first-rows') return { ok: true, data: { incidents: [row], fetchedAt: Date.now(), complete: false } };
      await written;
      await fakeBrowser.storage.session.set({ openIncidents: { incidents: [active], fetchedAt: Date.now(), complete: false } });
      return new Promise(() => undefined); // the other pages are still loading
    }) as never);
    const first = await paintFirstRows(root);
    expect(first.painted).toBe(true);
    await expectReactToWaitFor(first, firstPageWritten);
  });

  it('cold, falls back to the stored list when the first rows cannot come', async () => {
    await fakeBrowser.storage.local.set({ connection: { baseUrl: 'https://api.incident.io', identity } });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async ({ type }: { type: string }) => {
      if (type === 'incidents/first-rows') return { ok: false, error: { kind: 'network', message: 'offline' } };
      await fakeBrowser.storage.session.set({ openIncidents: { incidents: [triage], fetchedAt: Date.now(), complete: true } });
      return { ok: true, data: { fetchedAt: Date.now(), complete: true } };
    }) as never);
    expect((await paintFirstRows(root)).painted).toBe(true);
    expect(rows()).toEqual(['INC-136TriageMissing invoices']);
  });

  it('takes the asks the <head> script already sent, once, instead of asking again', async () => {
    await fakeBrowser.storage.local.set({ connection: { baseUrl: 'https://api.incident.io', identity } });
    await fakeBrowser.storage.session.set({ openIncidents: { incidents: [active], fetchedAt: Date.now(), complete: true } });
    const sent = vi.fn(async () => ({ ok: true, data: { fetchedAt: Date.now(), complete: true } }));
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(sent as never);
    publishFirstAsk();
    expect(sent).toHaveBeenCalledTimes(1);
    expect((await paintFirstRows(root)).painted).toBe(true);
    expect(sent).toHaveBeenCalledTimes(1);
    // A later open of the same document (none in practice) asks for itself.
    root.replaceChildren();
    await paintFirstRows(root);
    expect(sent).toHaveBeenCalledTimes(2);
  });

  it('sends the ask before its storage reads, so a cold open’s rows do not wait for them', async () => {
    await fakeBrowser.storage.local.set({ connection: { baseUrl: 'https://api.incident.io', identity } });
    const order: string[] = [];
    const read = fakeBrowser.storage.session.get.bind(fakeBrowser.storage.session);
    vi.spyOn(fakeBrowser.storage.session, 'get').mockImplementation(((keys: never) => (order.push('read'), read(keys))) as never);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => {
      order.push('ask');
      await fakeBrowser.storage.session.set({ openIncidents: { incidents: [active], fetchedAt: Date.now(), complete: true } });
      return { ok: true, data: { fetchedAt: Date.now(), complete: true } };
    }) as never);
    expect((await paintFirstRows(root)).painted).toBe(true);
    expect(order[0]).toBe('ask');
  });
});
