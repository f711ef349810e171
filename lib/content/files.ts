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
