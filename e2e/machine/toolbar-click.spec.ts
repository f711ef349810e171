import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM, expect, KEYS, QUIET_CHROMIUM_ARGS, sandbox, withSandbox } from '../fixtures';
import { type HelpdeskServer, startHelpdeskServer } from '../helpdesk/https-server';
import { SANDBOX_URL } from '../ports';
import { byRole, pageText } from './puppeteer-page';
import { type ExtensionCopy, keyedExtensionCopy } from './extension-copy';
import { type PolicyFile, policyUnavailableReason, writePolicy } from './policy';
import { findToolbarIcon } from './screen';
import { hasCommand, startXvfb, type VirtualDisplay } from './xvfb';
import { needs } from './needs';

// The toolbar button clicked for real (shared/real-toolbar-click.md): Playwright can't reach the
// browser's own toolbar, and only a real click grants activeTab. Chromium runs headful on its own
// Xvfb, the icon is force-pinned by a machine policy for this copy's id, xdotool clicks it, and the
// real side panel is driven over CDP (puppeteer-core, which exposes side-panel targets as pages).

// Not in the e2e build's host permissions (unlike help.example.org): only activeTab shows its URL.
const SELF_HOSTED = 'https://desk.example.com/conversation/1207';
const ZENDESK = 'https://acme.zendesk.com/agent/tickets/48213';

const test = withSandbox.extend<{ xvfb: VirtualDisplay; desk: HelpdeskServer; extension: ExtensionCopy; headful: Browser }>({
  // oxlint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
  xvfb: async ({}, use) => {
    const display = await startXvfb(1280, 800);
    await use(display);
    await display.close();
  },
  // oxlint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
  desk: async ({}, use) => {
    const server = await startHelpdeskServer({ routes: {
      [SELF_HOSTED]: 'lib/helpdesk/fixtures/freescout.html',
      [ZENDESK]: 'lib/helpdesk/fixtures/zendesk.html',
    } });
    await use(server);
    await server.close();
  },
  // oxlint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
  extension: async ({}, use) => {
    const copy = keyedExtensionCopy('toolbar');
    await use(copy);
    copy.remove();
  },
  headful: async ({ xvfb, desk, extension }, use) => {
    await sandbox.reset();
    // Kept for the whole test (Chromium watches the directory: removing it unpins the icon at once),
    // removed in teardown, also when the test fails: it applies to every Chromium on the machine.
    const policy: PolicyFile = writePolicy('toolbar', { ExtensionSettings: { [extension.id]: { toolbar_pin: 'force_pinned' } } });
    const profile = mkdtempSync(path.join(tmpdir(), 'incident-copilot-toolbar-'));
    try {
      const browser = await puppeteer.launch({
        executablePath: CHROMIUM,
        headless: false,
        defaultViewport: null,
        userDataDir: profile,
        ignoreDefaultArgs: ['--disable-extensions'],
        args: [
          `--disable-extensions-except=${extension.dir}`, `--load-extension=${extension.dir}`, ...QUIET_CHROMIUM_ARGS, ...desk.chromiumArgs,
          '--no-sandbox', '--window-position=0,0', '--window-size=1280,800',
        ],
        env: { ...process.env, DISPLAY: xvfb.display },
      });
      await use(browser);
      await browser.close();
    } finally {
      policy.remove();
      rmSync(profile, { recursive: true, force: true });
    }
  },
});

needs((await hasCommand('Xvfb')) && (await hasCommand('xdotool')) && (await hasCommand('xwd')) ? null : 'needs Xvfb, xdotool and xwd (apt-get install -y xvfb xdotool x11-apps; .ci/run installs them)');
needs(policyUnavailableReason() === null ? null : `the icon is pinned by a machine policy: ${policyUnavailableReason()}`);

/** Connects the extension to the sandbox the way Settings stores a successful save. */
async function connectToSandbox(browser: Browser, extensionId: string) {
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`));
  const worker = (await target.worker())!;
  const identity = ((await (await fetch(`${SANDBOX_URL}/v1/identity`, { headers: { authorization: `Bearer ${KEYS.full}` } })).json()) as { identity: unknown }).identity;
  await worker.evaluate((apiKey, baseUrl, id) => chrome.storage.local.set({ apiKey, connection: { baseUrl, identity: id } }), KEYS.full, SANDBOX_URL, identity);
}

/** Clicks the pinned toolbar icon with a real X event and returns the side panel that opens. */
async function clickToolbarIcon(browser: Browser, xvfb: VirtualDisplay, extensionId: string): Promise<Page> {
  let icon: { x: number; y: number } | null = null;
  try {
    await expect.poll(async () => (icon = await findToolbarIcon(xvfb.display)), { message: 'the pinned icon on the toolbar', timeout: 20_000 }).not.toBeNull();
  } catch (error) {
    const shot = test.info().outputPath('screen.png');
    if (await xvfb.screenshot(shot)) await test.info().attach('screen', { path: shot, contentType: 'image/png' });
    throw error;
  }
  await xvfb.click(icon!.x, icon!.y);
  return sidePanelOf(browser, extensionId);
}

async function sidePanelOf(browser: Browser, extensionId: string): Promise<Page> {
  const target = await browser.waitForTarget((t) => t.url() === `chrome-extension://${extensionId}/sidepanel.html`, { timeout: 10_000 });
  const panel = (await target.asPage())!;
  await panel.waitForFunction(() => document.readyState === 'complete');
  return panel;
}


test.describe('The real toolbar button', () => {
  test('on a self-hosted desk: the panel it opens offers "Enable on this site", and enabling shows the strip', async ({ headful: browser, xvfb, extension }) => {
    await connectToSandbox(browser, extension.id);
    const [tab] = await browser.pages();
    await tab!.goto(SELF_HOSTED);
    await tab!.bringToFront();

    const panel = await clickToolbarIcon(browser, xvfb, extension.id);
    await panel.locator(byRole('tab', 'Settings')).click();
    // The panel sees the tab's URL only through the activeTab grant of the real click.
    await expect.poll(() => pageText(panel)).toContain('Show incidents on https://desk.example.com');
    await panel.locator(byRole('button', 'Enable on this site')).click();
    // The browser's own permission prompt ("Read and change your data on desk.example.com"): its
    // default button is Deny, so the keyboard moves to Allow first, as a keyboard user would.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await xvfb.key('Tab', 'Return');
    await expect.poll(() => pageText(panel)).toContain('Enabled on this site (https://desk.example.com)');
    await expect.poll(() => tab!.evaluate(() => document.querySelector('incident-copilot-ui') !== null)).toBe(true);
  });

  test('the panel it opens shows the ticket of the tab it was opened over', async ({ headful: browser, xvfb, extension }) => {
    await connectToSandbox(browser, extension.id);
    const [tab] = await browser.pages();
    await tab!.goto(ZENDESK);
    await tab!.bringToFront();

    const panel = await clickToolbarIcon(browser, xvfb, extension.id);
    await panel.locator(byRole('textbox', 'Find incident')).fill('INC-123');
    await panel.locator(byRole('button', 'Find')).click();
    await panel.locator(byRole('button', 'Link Zendesk #48213: Checkout failing for EU customers')).wait();
  });

  test('the keyboard shortcut (Alt+Shift+O) opens the same panel, with the same access to the tab', async ({ headful: browser, xvfb, extension }) => {
    await connectToSandbox(browser, extension.id);
    const [tab] = await browser.pages();
    await tab!.goto(SELF_HOSTED);
    await tab!.bringToFront();
    // A real key press goes to the focused window: a click in the page gives Chromium the focus.
    await xvfb.click(640, 500);
    await xvfb.key('alt+shift+o');
    const panel = await sidePanelOf(browser, extension.id);
    await panel.locator(byRole('tab', 'Settings')).click();
    await expect.poll(() => pageText(panel)).toContain('Show incidents on https://desk.example.com');
  });
});
