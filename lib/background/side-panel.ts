import { browser } from '#imports';

/**
 * Opens the side panel for a tab. Chrome allows this only in response to a user gesture (a click in
 * the page that sent the message, the context menu, the shortcut); otherwise it reports false and
 * the intent waits in storage until the agent opens the panel.
 */
export async function openSidePanel(tabId: number | undefined, windowId?: number): Promise<boolean> {
  try {
    if (tabId !== undefined) await browser.sidePanel.open({ tabId });
    else if (windowId !== undefined) await browser.sidePanel.open({ windowId });
    else return false;
    return true;
  } catch {
    return false;
  }
}
