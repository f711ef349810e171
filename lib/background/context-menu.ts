import { browser } from '#imports';
import type { DeclarePrefill } from '@/lib/panel-intent';
import { panelIntentItem } from '@/lib/storage';
import { declarePrefill } from './declare-prefill';
import { readTicketTab } from './helpdesk-tab';
import { openSidePanel } from './side-panel';

export const DECLARE_MENU_ID = 'declare-from-selection';

/** The fields of `contextMenus.OnClickData` and `tabs.Tab` the handlers use. */
export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  pageUrl?: string;
}
export interface ClickedTab {
  id?: number;
  windowId?: number;
  title?: string;
  url?: string;
}

/**
 * Opens the side panel on the declare form, prefilled from what the agent selected and where
 * (the ticket's canonical URL when the tab is a help-desk ticket). Writes nothing to incident.io.
 * The panel is opened first, while the click still counts as a user gesture; the prefill follows
 * through storage, which the open panel watches.
 */
export async function declareFromTab(
  tab: ClickedTab | undefined,
  selection: () => string | Promise<string>,
  pageUrl?: string,
): Promise<{ opened: boolean; prefill: DeclarePrefill }> {
  const opening = openSidePanel(tab?.id, tab?.windowId);
  const read = tab?.id === undefined ? null : await readTicketTab(tab.id);
  const prefill = declarePrefill({
    // The content script's selection keeps line breaks that the menu's `selectionText` flattens.
    selection: read?.selection || (await selection()),
    source: { title: tab?.title ?? '', url: read?.ticket?.url ?? pageUrl ?? tab?.url ?? '' },
    subject: read?.ticket?.subject,
  });
  const requester = read?.ticket?.requester;
  await panelIntentItem.set({ kind: 'declare', prefill: requester ? { ...prefill, requester } : prefill });
  return { opened: await opening, prefill };
}

export function onContextMenuClick(info: MenuClick, tab?: ClickedTab) {
  if (info.menuItemId !== DECLARE_MENU_ID) return Promise.resolve(null);
  return declareFromTab(tab, () => info.selectionText ?? '', info.pageUrl);
}

export function registerContextMenu(): void {
  // Menu items persist across worker restarts; (re)create them when the extension is installed or updated.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: DECLARE_MENU_ID, title: 'Create incident from selection', contexts: ['selection'] }, () => {
      void browser.runtime.lastError; // already exists after an update: nothing to do
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => void onContextMenuClick(info, tab));
}
