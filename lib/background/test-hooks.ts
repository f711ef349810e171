import { browser } from '#imports';

/**
 * The e2e build (`npm run build:e2e`) exposes background functions that Playwright cannot reach
 * through the browser (alarms fire at most every 30 s; context menus and shortcuts have no page).
 * Production builds compile this to nothing.
 */
export function exposeTestHooks(hooks: Record<string, (...args: never[]) => unknown>): void {
  if (import.meta.env.MODE !== 'e2e') return;
  const global = globalThis as { __incidentCopilotTest?: Record<string, unknown> };
  global.__incidentCopilotTest = { ...global.__incidentCopilotTest, ...hooks };
}

/**
 * Firefox e2e build only: WebDriver BiDi may not navigate a tab to a moz-extension:// page, so the
 * background opens the sidebar's page as a tab for the test to drive (as the Chromium e2e tests do
 * with sidepanel.html).
 */
export function openPanelTabForFirefoxTests(): void {
  if (import.meta.env.MODE !== 'e2e' || !import.meta.env.FIREFOX) return;
  void browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
}
