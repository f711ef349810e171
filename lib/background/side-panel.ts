import { browser } from '#imports';

/**
 * Opens the side panel for a tab. Chrome allows this only in response to a user gesture (a click in
 * the page that sent the message, the context menu, the shortcut); otherwise it reports false and
 * the intent waits in storage until the agent opens the panel.
 */
export async function openSidePanel(tabId: number | undefined, windowId?: number): Promise<boolean> {
  try {
    // Firefox: the panel is the sidebar (sidebar_action); open() also needs the user's gesture.
    if (!browser.sidePanel) return await openSidebar();
    if (tabId !== undefined) await browser.sidePanel.open({ tabId });
    else if (windowId !== undefined) await browser.sidePanel.open({ windowId });
    else return false;
    return true;
  } catch {
    return false;
  }
}

/**
 * The toolbar button opens the panel from `action.onClicked`, not through
 * `setPanelBehavior({ openPanelOnActionClick: true })`: Chrome fires no onClicked in that mode and
 * grants no activeTab, so the panel would see the tab's id but not its URL ("Enable on this site"
 * never appears on a self-hosted desk). `sidePanel.open` is called synchronously inside the
 * listener, while the click's user gesture still counts. `onOpen` runs right after: the list's
 * refresh starts with the click, while the panel page is still loading.
 */
export function registerToolbarButton(onOpen: () => void = () => undefined): void {
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: false });
  // MV3 `action`; Firefox's MV2 build has `browserAction`.
  const button = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  button?.onClicked.addListener((tab) => {
    void openSidePanel(tab.id, tab.windowId);
    onOpen();
  });
}

interface SidebarAction {
  open(): Promise<void>;
}

async function openSidebar(): Promise<boolean> {
  const sidebar = (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
  if (!sidebar) return false;
  await sidebar.open();
  return true;
}
