import { defineConfig } from 'wxt';

// The e2e build is the production build plus test hooks on the background's globalThis
// (context-menu and command handlers cannot be fired from Playwright otherwise).
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: {
    name: 'Incident Copilot',
    description: 'incident.io in your help desk: see, look up, declare and update incidents.',
    permissions: ['storage', 'sidePanel', 'contextMenus', 'alarms', 'notifications', 'idle', 'scripting', 'activeTab'],
    host_permissions: ['https://api.incident.io/*'],
    action: { default_title: 'Incident Copilot' },
  },
});
