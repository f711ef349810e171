import { ext } from '../ext';
import type { HelpdeskPage } from '../page';
import type { PageLife } from '../page-life';
import type { UiModule } from '../ui-hook';
import { loadUi } from '../ui-loader';
import { isFromExtension, MAX_SELECTION_CHARS, parseTabRequest, type TabMessageSender, type TabReplies, type TabRequest } from '../tab-protocol';

/** How long a ticket read waits for the UI's requester reader. */
const REQUESTER_WAIT_MS = 2_000;

/**
 * The extension's requests to this tab (`tabs.sendMessage` from the background only): read the
 * ticket and the agent's selection, or type a text the extension made into the reply editor.
 */
export function init(page: HelpdeskPage, life: PageLife, load: () => Promise<UiModule> = loadUi): void {
  const self = { runtimeId: ext.runtime.id, origin: new URL(ext.runtime.getURL('/')).origin };

  async function answer(request: TabRequest): Promise<TabReplies[TabRequest['type']]> {
    if (request.type === 'reply/insert') {
      try {
        return await (await load()).insertIntoReply(page, request.text);
      } catch (error) {
        return { ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
    }
    page.readPage();
    const selection = String(page.doc.getSelection() ?? '').trim().slice(0, MAX_SELECTION_CHARS);
    const ticket = page.ticket;
    if (!ticket) return { ticket, selection };
    // The requester's reader comes with the UI (kept out of the script every page loads); a UI
    // that can't load in time costs the prefill, never the read.
    const requester = await Promise.race([
      load().then((ui) => ui.requester(page), () => undefined),
      new Promise<undefined>((resolve) => life.setTimeout(() => resolve(undefined), REQUESTER_WAIT_MS)),
    ]);
    return { ticket: requester ? { ...ticket, requester } : ticket, selection };
  }

  const onMessage = (message: unknown, sender: TabMessageSender, sendResponse: (reply: unknown) => void) => {
    if (!isFromExtension(sender, self)) return undefined;
    const request = parseTabRequest(message);
    if (!request) return undefined;
    void answer(request).then(sendResponse);
    return true; // the reply is asynchronous
  };
  ext.runtime.onMessage.addListener(onMessage);
  life.onInvalidated(() => ext.runtime.onMessage.removeListener(onMessage));
}
