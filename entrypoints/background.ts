import { browser, defineBackground } from '#imports';
import { openAlert, registerAlertHandlers } from '@/lib/background/alerts';
import { onCommand, registerCommands } from '@/lib/background/commands';
import { onContextMenuClick, registerContextMenu } from '@/lib/background/context-menu';
import { handlers } from '@/lib/background/handlers';
import { closeKeyStorage } from '@/lib/background/key-storage';
import { registerManagedSites } from '@/lib/background/managed-sites';
import { revalidateOpenIncidents } from '@/lib/background/open-incidents';
import { pollOnce, startPoller } from '@/lib/background/poller';
import { registerToolbarButton } from '@/lib/background/side-panel';
import { enableSite, registerSiteAccessListeners } from '@/lib/background/site-access';
import { exposeTestHooks, openPanelTabForFirefoxTests } from '@/lib/background/test-hooks';
import { alertWorkspaces } from '@/lib/background/workspaces';
import { createRouter } from '@/lib/messaging/handle';

export default defineBackground(() => {
  const route = createRouter(handlers, { runtimeId: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') });
  // Registered synchronously so a message that wakes the worker is not missed.
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender).then((reply) => reply ?? undefined));
  startPoller();
  registerAlertHandlers(alertWorkspaces);
  registerContextMenu();
  registerCommands();
  registerSiteAccessListeners();
  // The panel revalidates as it opens; from a click, the refresh need not wait for the page to load.
  registerToolbarButton(() => void revalidateOpenIncidents());
  registerManagedSites();
  // openAlert: what a click on a notification does (Playwright cannot click a desktop notification).
  exposeTestHooks({ pollOnce, onContextMenuClick, onCommand, enableSite, openAlert: (id: string) => openAlert(id, alertWorkspaces) });
  openPanelTabForFirefoxTests();

  // Content scripts must never read the key: close storage.local to them (session is closed by default).
  void closeKeyStorage().catch(() => undefined); // connect awaits it again and refuses to store a key if it fails
});
