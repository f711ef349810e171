import { asOfMark, formatAgo } from '@/lib/time-format';
import { button, h } from './h';

/** What a hover card says about an incident (public incidents only; the background enforces it). */
export interface CardInfo {
  reference: string;
  name: string;
  status: string;
  severity: string | null;
  /** ISO time of the last update (or of the incident's last change). */
  updatedAt: string;
  lastMessage: string | null;
  /** Whether there is a customer text to insert (public, not a test or tutorial). */
  shareable?: boolean;
  /** Whose incident (the active workspace), only when the agent has several: references collide. */
  workspace?: string;
}

const MAX_MESSAGE_CHARS = 160;
const GAP = 6;
/** Long enough to move the pointer from the reference onto the card. */
const HIDE_DELAY_MS = 300;

const clip = (text: string) => (text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS - 1).trimEnd()}…` : text);

/** The card's lines for an incident (pure, for the tests and the renderer). */
export function cardLines(info: CardInfo, now: number, readAt?: number): { title: string; meta: string; update: string } {
  const updated = `Updated ${formatAgo(now - Date.parse(info.updatedAt))}`;
  return {
    title: `${info.reference}: ${info.name}`,
    // An earlier answer shown while incident.io is asked again says when it is from.
    meta: `${info.status} · ${info.severity ?? 'No severity'}${info.workspace ? ` · ${info.workspace}` : ''}${asOfMark(readAt, now)}`,
    update: info.lastMessage ? `${updated}: ${clip(info.lastMessage.replace(/\s+/g, ' ').trim())}` : updated,
  };
}

/**
 * One card, positioned next to the hovered reference, in the overlay's shadow root. It loads the
 * incident each time it opens, showing the last answer (`last`) meanwhile; its buttons open the
 * incident in the side panel and insert its status update.
 */
export class HoverCard {
  private readonly el: HTMLElement;
  private current: string | null = null;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private anchor: DOMRect | null = null;

  constructor(
    private readonly shadow: ShadowRoot,
    private readonly load: (ref: string) => Promise<CardInfo>,
    private readonly onOpen: (ref: string) => void,
    private readonly onInsert?: (ref: string) => void,
    private readonly last?: (ref: string) => { info: CardInfo; at: number } | undefined,
  ) {
    const doc = shadow.ownerDocument;
    this.el = h(doc, 'div', { class: 'card', role: 'tooltip', hidden: '' });
    this.el.addEventListener('mouseenter', () => this.keep());
    this.el.addEventListener('mouseleave', () => this.scheduleHide());
    shadow.append(this.el);
  }

  get shownRef(): string | null {
    return this.current;
  }

  show(ref: string, anchor: DOMRect): void {
    this.keep();
    this.anchor = anchor;
    if (ref === this.current) {
      this.place();
      return;
    }
    this.current = ref;
    const earlier = this.last?.(ref);
    if (earlier) this.render(ref, earlier.info, earlier.at);
    else this.render(ref, { text: `Loading ${ref}…` });
    this.load(ref).then(
      (info) => this.current === ref && this.render(ref, info),
      (error: unknown) => {
        if (this.current !== ref) return;
        const text = error instanceof Error ? error.message : String(error);
        // The earlier answer stays, with its time; the note says why it is not newer.
        if (earlier) this.note(text);
        else this.render(ref, { text });
      },
    );
  }

  keep(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
  }

  /** Hides after a pause unless the pointer comes back (a pending hide is not pushed back). */
  scheduleHide(): void {
    this.hideTimer ??= setTimeout(() => this.hide(), HIDE_DELAY_MS);
  }

  hide(): void {
    this.keep();
    this.current = null;
    this.el.hidden = true;
  }

  /** A one-line outcome (e.g. the panel could not open) under the card's content. */
  note(text: string): void {
    this.el.querySelector('.note')?.replaceChildren(text);
  }

  private render(ref: string, content: CardInfo | { text: string }, readAt?: number): void {
    const doc = this.el.ownerDocument;
    const open = button(doc, 'Open in Incident Copilot', () => this.onOpen(ref));
    if ('text' in content) {
      this.el.replaceChildren(h(doc, 'span', { class: 'muted' }, content.text), open, h(doc, 'p', { class: 'note', role: 'status' }));
    } else {
      const lines = cardLines(content, Date.now(), readAt);
      const insert = content.shareable && this.onInsert;
      this.el.replaceChildren(
        h(doc, 'span', { class: 'summary' }, lines.title),
        h(doc, 'span', { class: 'muted' }, lines.meta),
        h(doc, 'span', { class: 'muted' }, lines.update),
        h(doc, 'div', { class: 'row' }, open, insert && button(doc, 'Insert a status update', () => insert(ref), {
          'aria-label': `Insert a status update for ${ref} into the reply`,
        })),
        h(doc, 'p', { class: 'note', role: 'status' }),
      );
    }
    this.place();
  }

  /** Below the reference, or above it when there is no room; always inside the viewport. */
  private place(): void {
    const anchor = this.anchor;
    const view = this.shadow.ownerDocument.defaultView;
    if (!anchor || !view) return;
    this.el.hidden = false;
    const { width, height } = this.el.getBoundingClientRect();
    const below = anchor.bottom + GAP + height <= view.innerHeight;
    const top = below ? anchor.bottom + GAP : Math.max(GAP, anchor.top - GAP - height);
    const left = Math.min(Math.max(GAP, anchor.left), Math.max(GAP, view.innerWidth - width - GAP));
    this.el.style.top = `${top}px`;
    this.el.style.left = `${left}px`;
  }
}
