import { browser } from '#imports';
import { type ClickedTab, declareFromTab } from './context-menu';

export const QUICK_DECLARE_COMMAND = 'quick-declare';

/** The selection on a page without our content script (the shortcut grants activeTab there). */
async function pageSelection(tabId: number): Promise<string> {
  try {
    const [result] = await browser.scripting.executeScript({ target: { tabId }, func: () => String(getSelection() ?? '') });
    return typeof result?.result === 'string' ? result.result : '';
  } catch {
    return ''; // chrome:// pages, the web store, or no grant
  }
}

/** The quick-declare shortcut: the declare form prefilled from the ticket (subject, URL) or the selection. */
export async function onCommand(command: string, tab?: ClickedTab) {
  if (command !== QUICK_DECLARE_COMMAND) return null;
  const tabId = tab?.id;
  return declareFromTab(tab, () => (tabId === undefined ? '' : pageSelection(tabId)), tab?.url);
}

export function registerCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
}
