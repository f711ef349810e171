import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogItem } from '@/lib/storage';
import { getCatalog } from './catalog';
import { bumpGeneration } from './generation';
import { orgSeverities } from './test-fixtures';

const api = vi.hoisted(() => ({ listStatuses: vi.fn(), listSeverities: vi.fn(), listIncidentTypes: vi.fn() }));
vi.mock('./client', () => ({ connectedClient: vi.fn(async () => api) }));

/** Holds the three catalog calls until `release()`, so askers can pile up meanwhile. */
function heldCatalog() {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => { release = resolve; });
  api.listStatuses.mockImplementation(async () => (await gate, []));
  api.listSeverities.mockImplementation(async () => (await gate, orgSeverities));
  api.listIncidentTypes.mockImplementation(async () => (await gate, []));
  return () => release();
}

const calls = () => [api.listStatuses, api.listSeverities, api.listIncidentTypes].map((fn) => fn.mock.calls.length);

beforeEach(() => {
  fakeBrowser.reset();
  for (const fn of Object.values(api)) fn.mockReset();
});

describe('getCatalog', () => {
  it('shares one fetch among everyone asking while it is out, then answers from the stored copy', async () => {
    const release = heldCatalog();
    const askers = [getCatalog(), getCatalog(), getCatalog()];
    await vi.waitFor(() => expect(calls()).toEqual([1, 1, 1]));
    release();
    const answers = await Promise.all(askers);
    expect(answers.map((c) => c.severities.length)).toEqual([orgSeverities.length, orgSeverities.length, orgSeverities.length]);
    expect(calls()).toEqual([1, 1, 1]);
    expect((await catalogItem.get())?.catalog.severities).toHaveLength(orgSeverities.length);
    await getCatalog();
    expect(calls()).toEqual([1, 1, 1]);
  });

  it('does not hand another workspace the catalog fetched for the one before', async () => {
    const release = heldCatalog();
    const before = getCatalog();
    await vi.waitFor(() => expect(calls()).toEqual([1, 1, 1]));
    bumpGeneration();
    const after = getCatalog();
    await vi.waitFor(() => expect(calls()).toEqual([2, 2, 2]));
    release();
    await Promise.all([before, after]);
  });

  it('fetches again when asked for a fresh copy, even with one in flight', async () => {
    const release = heldCatalog();
    const first = getCatalog();
    await vi.waitFor(() => expect(calls()).toEqual([1, 1, 1]));
    const fresh = getCatalog({ fresh: true });
    await vi.waitFor(() => expect(calls()).toEqual([2, 2, 2]));
    release();
    await Promise.all([first, fresh]);
  });
});
