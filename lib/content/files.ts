/**
 * The help-desk content script's files in the build: the script (entrypoints/helpdesk.ts) and the
 * reference highlight's style (generated from overlay.ts's HIGHLIGHT_CSS by wxt.config.ts). The
 * manifest declares both for the SaaS desks; site-access.ts registers both for self-hosted ones.
 */
export const HELPDESK_SCRIPT = 'helpdesk.js';
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
