/**
 * The help-desk content script's files in the build: the script and the reference highlight's style
 * (generated from overlay.ts's HIGHLIGHT_CSS by wxt.config.ts). Each SaaS desk has its own script,
 * with only its adapter (entrypoints/helpdesk-<desk>.ts), declared in the manifest for the desk's
 * hosts; self-hosted desks get the one that knows every desk (entrypoints/helpdesk.ts), registered
 * by site-access.ts.
 */
export const HELPDESK_SCRIPT = 'helpdesk.js';
/** A SaaS desk's own script. */
export const deskScript = (deskId: string) => `helpdesk-${deskId}.js`;
export const HELPDESK_CSS = 'helpdesk.css';
/** The same, as the scripting API names extension files. */
export const HELPDESK_SCRIPT_PATH = `/${HELPDESK_SCRIPT}` as const;
export const HELPDESK_CSS_PATH = `/${HELPDESK_CSS}` as const;
/**
 * The help-desk UI (strip, hover card, reply editors: entrypoints/helpdesk-ui.ts), injected by the
 * background into the frame that asks, the first time it has something to show. Never a
 * web-accessible resource: exposed files let any page fingerprint the extension.
 */
export const HELPDESK_UI_SCRIPT_PATH = '/helpdesk-ui.js' as const;
