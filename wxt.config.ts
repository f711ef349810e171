import { defineConfig } from 'wxt';
import { deskScript, HELPDESK_CSS } from './lib/content/files';
import { HIGHLIGHT_CSS } from './lib/content/highlight-style';
import { SAAS_ADAPTERS, saasMatchPatterns } from './lib/helpdesk/registry';

// The e2e build is the production build plus test hooks on the background's globalThis
// (context-menu and command handlers cannot be fired from Playwright otherwise).
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false,
  // A function of the target: Firefox gets the same extension with its own manifest keys (the side
  // panel becomes sidebar_action, WXT's conversion; no sidePanel permission; a gecko id).
  manifest: ({ browser }) => ({
    name: 'Incident Copilot',
    description: 'incident.io in your help desk: see, look up, declare and update incidents.',
    // Each one justified in docs/PERMISSIONS.md.
    permissions: ['storage', ...(browser === 'firefox' ? [] : ['sidePanel']), 'contextMenus', 'alarms', 'notifications', 'idle', 'scripting', 'activeTab'],
    // The SaaS desks too (the same hosts the content script already runs on, so no new install
    // warning): the background injects the help-desk UI there on demand (lib/background/helpdesk-ui.ts).
    host_permissions: ['https://api.incident.io/*', ...saasMatchPatterns()],
    // Self-hosted help desks: the agent grants their own origin from the side panel ("Enable on this site").
    // https only: plain http is granted for this computer alone (a desk or the sandbox on loopback).
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    // sidePanel.open() (opening the panel from the page, notifications, the shortcut) is Chrome 116.
    minimum_chrome_version: '116',
    // Firefox's MV2 build: WXT moves host_permissions into permissions but drops the optional ones.
    ...(browser === 'firefox' ? { optional_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'] } : {}),
    action: { default_title: 'Incident Copilot' },
    // One unlisted script per SaaS desk, with only its adapter (entrypoints/helpdesk-<desk>.ts; see
    // entrypoints/helpdesk.ts for why unlisted): no page parses the other desks' code.
    content_scripts: SAAS_ADAPTERS.map((adapter) => ({ matches: adapter.matches, js: [deskScript(adapter.id)], css: [HELPDESK_CSS], run_at: 'document_idle' })),
    commands: {
      'quick-declare': { suggested_key: { default: 'Alt+Shift+D' }, description: 'Declare an incident from this page' },
      // The toolbar button's own command: Chrome fires action.onClicked (which opens the panel with
      // the activeTab grant, lib/background/side-panel.ts); Firefox toggles the sidebar itself.
      [browser === 'firefox' ? '_execute_sidebar_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+O' }, description: 'Open Incident Copilot',
      },
    },
    // What IT can set by policy (lib/managed.ts). Firefox reads managed storage from its own
    // policies.json "3rdparty" section without a schema in the manifest.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'incident-copilot@incident-copilot.dev',
              strict_min_version: '140.0',
              // Sent only to the incident.io API the agent connects (docs/PRIVACY.md): the key, and
              // ticket text the agent puts into a declaration or link.
              data_collection_permissions: { required: ['authenticationInfo', 'websiteContent'] },
            },
          },
        }
      : {}),
  }),
  // Store packages (`npm run zip`): AMO's sources zip is the project without what tests and tools leave behind.
  zip: {
    excludeSources: ['test-results/**', 'playwright-report/**', 'bench/results/**', '.sandbox-state/**', '**/*.log', '**/*.pid', '.env*'],
  },
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: HELPDESK_CSS, contents: HIGHLIGHT_CSS });
    },
    // e2e only: headless Chromium can't answer the "Enable on this site" permission prompt, so the
    // self-hosted fixture origins (and Request Tracker on 127.0.0.1) are granted up front; the panel's
    // permissions.request then resolves at once and everything after the prompt runs for real.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'e2e') return;
      const selfHostedFixtures = ['https://help.example.org/*', 'https://support.example.org/*', 'https://support.example.net/*', 'http://127.0.0.1/*'];
      manifest.host_permissions = [...(manifest.host_permissions ?? []), ...selfHostedFixtures];
    },
    // The polyfill module aliases wxt/browser in every bundle; only the background keeps it (its
    // onMessage listener answers by returning a promise, which the polyfill turns into sendResponse).
    // The side panel and the help-desk content script have size budgets and use only promise-based
    // calls and plain listeners, which Chromium's native `browser` namespace (144+) and `chrome.*`
    // serve as they are; WXT's wxt/browser picks `browser`, else `chrome`.
    'vite:build:extendConfig': (entrypoints, config) => {
      const alias = config.resolve?.alias;
      if (!entrypoints.some((entry) => entry.type === 'background') && alias && !Array.isArray(alias)) {
        delete (alias as Record<string, string>)['wxt/browser'];
      }
      // ASCII-only output: one non-ASCII character (an en dash in a title regex) makes V8 keep the
      // whole script source as UTF-16, twice its size, for the page's lifetime (bench/heap-content.ts:
      // 113 KiB of the content script's added heap was its two sources held as two-byte strings).
      const output = config.build?.rollupOptions?.output;
      if (output && !Array.isArray(output)) output.charset = 'ascii';
      // bench/profile-content.ts: readable function names in a CPU profile.
      if (process.env.UNMINIFIED === '1') config.build = { ...config.build, minify: false };
      // Which source files a bundle's bytes come from (read the .map files with source-map-js).
      if (process.env.SOURCEMAP === '1') config.build = { ...config.build, sourcemap: true };
    },
  },
});
