import type { InsertResult } from '@/lib/helpdesk/editors/insert';
import type { Requester } from '@/lib/panel-intent';
import type { TicketAsks } from './features/ticket-asks';
import type { HelpdeskPage } from './page';
import type { PageLife } from './page-life';

/** What the on-demand UI script (helpdesk-ui.js) hands the loaded script. */
export interface UiModule {
  strip(page: HelpdeskPage, life: PageLife): void;
  /** `first`: the pointer move that asked for the card. */
  hoverCard(page: HelpdeskPage, life: PageLife, first?: MouseEvent): void;
  insertIntoReply(page: HelpdeskPage, text: string): Promise<InsertResult>;
  /** Who wrote the ticket, as the desk shows it (prefills the customer when declaring from the ticket). */
  requester(page: HelpdeskPage): Requester | undefined;
  /** "Suggested incidents" and "Insert resolution update": they draw what the page's script asked for the ticket. */
  ticketFeatures(page: HelpdeskPage, life: PageLife, asks: TicketAsks): void;
}

/**
 * Where the loaded script waits for the UI: a key on the extension's isolated world's global,
 * which page scripts can't reach (the same world both scripts run in).
 */
export const UI_KEY = Symbol.for('incident-copilot.helpdesk.ui');
export type UiWorld = typeof globalThis & { [UI_KEY]?: (ui: UiModule) => void };

/** Called by helpdesk-ui.js when the background has injected it. */
export function registerUi(ui: UiModule, world: UiWorld = globalThis): void {
  world[UI_KEY]?.(ui);
}
