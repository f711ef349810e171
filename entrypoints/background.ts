import { browser, defineBackground } from '#imports';
import { registerAlertHandlers } from '@/lib/background/alerts';
import { handlers } from '@/lib/background/handlers';
import { pollOnce, startPoller } from '@/lib/background/poller';
import { exposeTestHooks } from '@/lib/background/test-hooks';
import { createRouter } from '@/lib/messaging/handle';

export default defineBackground(() => {
  const route = createRouter(handlers, { runtimeId: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin });
  // Registered synchronously so a message that wakes the worker is not missed.
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender).then((reply) => reply ?? undefined));
  startPoller();
  registerAlertHandlers();
  exposeTestHooks({ pollOnce });

  // Content scripts must never read the key: close storage.local to them (session is closed by default).
  void browser.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
});
