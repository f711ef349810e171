import { browser } from '#imports';
import { AppError } from '@/lib/app-error';
import { HELPDESK_UI_SCRIPT_PATH } from '@/lib/content/files';

/**
 * Injects the help-desk UI into the frame that asked (its content script is running there: only
 * it can send this). Once per page life: the content script keeps the module.
 */
export async function injectHelpdeskUi(tabId: number | undefined, frameId: number | undefined): Promise<Record<string, never>> {
  if (tabId === undefined) throw new AppError({ kind: 'not_allowed', message: 'Only a help-desk page can ask for its controls.' });
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId ?? 0] }, files: [HELPDESK_UI_SCRIPT_PATH] });
  return {};
}
