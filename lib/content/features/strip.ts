import { insertUpdate, openIncident } from '../actions';
import { createCardLookup } from '../card-lookup';
import { sendRead } from '../ext';
import { h } from '../h';
import { dockOf } from '../dock';
import type { HelpdeskPage } from '../page';
import type { PageLife } from '../page-life';
import { refMatches } from '../ref-scan';
import { renderStrip, showStripNote } from '../strip';
import { isActionable, stripModel } from '../strip-model';

/** References on the page: the subject's, then those read in the messages. */
export const pageRefs = (page: HelpdeskPage): string[] =>
  [...new Set([...refMatches(page.ticket?.subject ?? '').map((match) => match.ref), ...page.seen])];

/**
 * The incident strip: the open incidents, this ticket's links and the references on the page, with
 * "Insert update" and "Link this ticket…". Drawn after the next layout (writes after the view
 * scan's reads), and only when what it shows changed.
 */
export function init(page: HelpdeskPage, life: PageLife): void {
  const lookup = createCardLookup(async (ref) => sendRead('incidents/card', { ref }));
  /** Dismissed tickets, for this tab's life: see `dismiss` for why nothing is persisted. */
  const dismissed = new Set<string>();
  let box: HTMLElement | null = null;
  let drawn = '';

  const note = (text: string) => {
    if (box) showStripNote(box, text);
  };

  function render(): void {
    const { ticket, data } = page;
    const shown = ticket && data && !dismissed.has(page.ticketKey);
    // The strip is a function of the page's version alone: comparing it is cheaper than building it.
    const key = shown ? `${page.ticketKey}\n${page.version}` : '';
    if (key === drawn) return; // write to the DOM only when something changed
    drawn = key;
    const model = shown ? stripModel({ ...data, pageRefs: pageRefs(page) }) : null;
    if (!model) return void box?.replaceChildren();
    if (!box) {
      box = h(page.doc, 'div');
      dockOf(page, life).slot('strip').append(box);
    }
    renderStrip(box, model, {
      open: (ref) => void openIncident(ref, note),
      link: () => void link(),
      insertUpdate: (ref) => void insertUpdate(page, lookup, ref, note),
      dismiss,
    });
  }

  async function link(): Promise<void> {
    const ticket = page.ticket;
    if (!ticket) return;
    // Only the active workspace's: the link is made there.
    const openRefs = new Set(page.data?.open.filter(isActionable).map((incident) => incident.reference));
    const suggestion = pageRefs(page).find((ref) => openRefs.has(ref));
    try {
      const { opened } = await sendRead('panel/open', { kind: 'link-ticket', ticket, ...(suggestion ? { ref: suggestion } : {}) });
      note(opened ? '' : 'Open the Incident Copilot side panel to confirm the link.');
    } catch (error) {
      note(error instanceof Error ? error.message : String(error));
    }
  }

  /**
   * Dismissal lives in this script's memory for the tab's life. The page's own storage
   * (sessionStorage, localStorage) is readable and writable by the help desk's scripts, and
   * `storage.session` is closed to content scripts; a reload brings the strip back, which is the
   * safe failure for an incident banner.
   */
  function dismiss(): void {
    dismissed.add(page.ticketKey);
    render();
  }

  page.on('change', () => page.afterLayout(render));
  page.afterLayout(render); // loaded on demand: what is there now
}
