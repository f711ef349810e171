import { insertText, type InsertResult } from '@/lib/helpdesk/editors/insert';
import type { CardLookup } from './card-lookup';
import { sendRead } from './ext';
import type { HelpdeskPage } from './page';
import { EDITORS } from '@/lib/helpdesk/editors/find';

export const NO_EDITOR_REASON = 'No reply editor is open on this page: open the reply box, then try again.';

/** What the strip and the hover card do for an agent (only from trusted clicks, see h.ts). */

export async function openIncident(ref: string, say: (text: string) => void): Promise<void> {
  try {
    const { opened } = await sendRead('panel/open', { kind: 'incident', ref });
    say(opened ? '' : `Open the Incident Copilot side panel to see ${ref}.`);
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
  }
}

export async function insertIntoReply(page: HelpdeskPage, text: string): Promise<InsertResult> {
  page.readPage();
  const editor = page.adapter?.findReplyEditor(page.doc, EDITORS) ?? null;
  return editor ? insertText(editor, text) : { ok: false, reason: NO_EDITOR_REASON };
}

/**
 * Types the customer text the background made (the one builder, from the incident as it is now)
 * into the reply; the clipboard when no editor takes it.
 */
export async function insertUpdate(page: HelpdeskPage, lookup: CardLookup, ref: string, say: (text: string) => void): Promise<void> {
  try {
    const { customerText } = await lookup(ref, { fresh: true });
    if (!customerText) return say(`${ref} can't be shared with customers.`);
    const result = await insertIntoReply(page, customerText);
    if (result.ok) return say(`Status update for ${ref} inserted into the reply.`);
    await navigator.clipboard.writeText(customerText);
    say(`${result.reason} The update was copied to the clipboard instead.`);
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
  }
}
