import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openSidePanel, registerToolbarButton } from './side-panel';

type Loose = Record<string, unknown>;
const loose = fakeBrowser as unknown as Loose;
const tab = { id: 7, windowId: 3 } as Parameters<Parameters<typeof fakeBrowser.action.onClicked.addListener>[0]>[0];

describe('the toolbar button', () => {
  let original: Loose;
  beforeEach(() => {
    fakeBrowser.reset();
    original = { sidePanel: loose.sidePanel, sidebarAction: loose.sidebarAction };
  });
  afterEach(() => Object.assign(loose, original));

  it('Chrome: turns the automatic panel off and opens it from onClicked, for the clicked tab, in the same task', () => {
    const open = vi.fn(() => Promise.resolve());
    const setPanelBehavior = vi.fn(() => Promise.resolve());
    loose.sidePanel = { open, setPanelBehavior };
    const onOpen = vi.fn(() => expect(open).toHaveBeenCalled());
    registerToolbarButton(onOpen);
    expect(setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: false });
    void fakeBrowser.action.onClicked.trigger(tab);
    // Synchronously: an await before open() would lose the click's user gesture.
    expect(open).toHaveBeenCalledWith({ tabId: 7 });
    // Then the list's refresh starts, while the panel page loads.
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('Firefox: no sidePanel, the click opens the sidebar', async () => {
    const open = vi.fn(() => Promise.resolve());
    loose.sidePanel = undefined;
    loose.sidebarAction = { open };
    registerToolbarButton();
    void fakeBrowser.action.onClicked.trigger(tab);
    expect(open).toHaveBeenCalledTimes(1);
    expect(await openSidePanel(7)).toBe(true);
  });

  it('reports false when the browser refuses (no user gesture) or has no panel at all', async () => {
    loose.sidePanel = { open: () => Promise.reject(new Error('may only be called in response to a user gesture')) };
    expect(await openSidePanel(7)).toBe(false);
    loose.sidePanel = undefined;
    loose.sidebarAction = undefined;
    expect(await openSidePanel(7)).toBe(false);
  });
});
