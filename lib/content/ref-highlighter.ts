import { textNodesWithRefs } from './ref-scan';

import { HIGHLIGHT_NAME } from './highlight-style';

interface Entry {
  node: Text;
  ref: string;
  range: Range;
}

export interface RefHit {
  ref: string;
  rect: DOMRect;
}

const within = (rect: DOMRect, x: number, y: number) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;

/**
 * Marks `INC-n` references without touching the page's DOM: each reference is a live Range in one
 * CSS Custom Highlight (styled by `::highlight(incident-copilot-ref)`), so the help desk's framework
 * never sees a node it did not render. Only the message roots near the viewport are read and hold
 * Ranges (a live Range costs the page on every DOM change, and the highlight keeps it alive), so a
 * 2,000-message ticket costs what its visible stretch costs. Hovering is found by hit-testing the
 * caret position under the pointer against the ranges of that one text node.
 */
export class RefHighlighter {
  private readonly byRoot = new Map<Element, Entry[]>();
  private readonly marked = new WeakSet<Text>();
  private count = 0;
  private highlight: Highlight | null | undefined;

  /** The highlight's style ships with the script (`HIGHLIGHT_CSS`), so marking never restyles the page. */
  constructor(private readonly doc: Document) {}

  /**
   * Makes `roots` the ones that hold highlights: roots that left lose their Ranges, roots that came
   * in are read. Returns the references read, in page order.
   */
  show(roots: readonly Element[]): string[] {
    const next = new Set(roots);
    for (const root of this.byRoot.keys()) if (!next.has(root)) this.forget(root);
    const found: string[] = [];
    for (const root of roots) if (!this.byRoot.has(root)) found.push(...this.read(root));
    return found;
  }

  /** Reads `root` too, keeping the others (a new message came near); returns its references. */
  add(root: Element): string[] {
    return this.byRoot.has(root) ? [] : this.read(root);
  }

  /** Whether `el` holds a shown root (a container the page rendered again around them). */
  holdsRoot(el: Element): boolean {
    for (const root of this.byRoot.keys()) if (el.contains(root)) return true;
    return false;
  }

  /** Reads a shown root again (its text changed); returns its references. */
  reread(root: Element): string[] {
    this.forget(root);
    return this.read(root);
  }

  /** Whether this text node holds a highlighted reference. */
  marks(node: Text): boolean {
    return this.marked.has(node);
  }

  /** The shown root that holds `node`, if any. */
  rootOf(node: Node): Element | undefined {
    for (const root of this.byRoot.keys()) if (root.contains(node)) return root;
    return undefined;
  }

  /** Whether a marked text node left the document (its root, or the text itself, was removed). */
  lostNodes(): boolean {
    for (const entries of this.byRoot.values()) for (const entry of entries) if (!entry.node.isConnected) return true;
    return false;
  }

  /** Drops what left the document. */
  prune(): void {
    const changed: Element[] = [];
    for (const [root, entries] of this.byRoot) {
      if (!root.isConnected) this.forget(root);
      else if (entries.some((entry) => !entry.node.isConnected)) changed.push(root);
    }
    for (const root of changed) this.reread(root);
  }

  clear(): void {
    for (const root of this.byRoot.keys()) this.forget(root);
  }

  get isEmpty(): boolean {
    return this.count === 0;
  }

  /** The reference under the viewport point, if any. */
  hit(x: number, y: number): RefHit | null {
    const caret = this.doc.caretRangeFromPoint?.(x, y);
    const node = caret?.startContainer;
    if (!caret || node?.nodeType !== Node.TEXT_NODE) return null;
    for (const entries of this.byRoot.values()) {
      for (const { node: text, ref, range } of entries) {
        // The caret snaps to the nearest character, so also require the point inside the text's boxes.
        if (text !== node || caret.startOffset < range.startOffset || caret.startOffset > range.endOffset) continue;
        for (const rect of range.getClientRects()) if (within(rect, x, y)) return { ref, rect };
      }
    }
    return null;
  }

  dispose(): void {
    this.clear();
    if (this.highlight && CSS.highlights.get(HIGHLIGHT_NAME) === this.highlight) CSS.highlights.delete(HIGHLIGHT_NAME);
  }

  private read(root: Element): string[] {
    const entries: Entry[] = [];
    for (const { node, matches } of textNodesWithRefs(root)) {
      for (const { ref, start, end } of matches) {
        const range = this.doc.createRange();
        range.setStart(node, start);
        range.setEnd(node, end);
        this.target()?.add(range);
        this.marked.add(node);
        entries.push({ node, ref, range });
      }
    }
    this.byRoot.set(root, entries);
    this.count += entries.length;
    return entries.map((entry) => entry.ref);
  }

  private forget(root: Element): void {
    const entries = this.byRoot.get(root) ?? [];
    for (const { node, range } of entries) {
      this.highlight?.delete(range);
      this.marked.delete(node);
    }
    this.count -= entries.length;
    this.byRoot.delete(root);
  }

  /** The page's highlight, registered when the first reference needs it (null without the API). */
  private target(): Highlight | null {
    if (this.highlight === undefined) {
      const supported = typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
      this.highlight = supported ? new Highlight() : null;
      if (this.highlight) CSS.highlights.set(HIGHLIGHT_NAME, this.highlight);
    }
    return this.highlight;
  }
}
