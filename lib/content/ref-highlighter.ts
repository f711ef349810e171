import { type RefMatch, textNodesWithRefs } from './ref-scan';

export const HIGHLIGHT_NAME = 'incident-copilot-ref';

interface Entry {
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
 * never sees a node it did not render. Hovering is found by hit-testing the caret position under
 * the pointer against the ranges of that one text node.
 */
export class RefHighlighter {
  private readonly byNode = new Map<Text, Entry[]>();
  private readonly highlight: Highlight | null;

  constructor(private readonly doc: Document) {
    const supported = typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
    this.highlight = supported ? new Highlight() : null;
    if (this.highlight) CSS.highlights.set(HIGHLIGHT_NAME, this.highlight);
  }

  /** (Re)reads the references in a subtree, e.g. a new message or an edited one. */
  scan(root: Node): void {
    for (const { node, matches } of textNodesWithRefs(root)) this.set(node, matches);
  }

  has(node: Text): boolean {
    return this.byNode.has(node);
  }

  /** A text node whose content changed: its old ranges go, its current references come in. */
  rescanText(node: Text): void {
    this.forget(node);
    this.scan(node);
  }

  /** Drops references whose text left the document. */
  prune(): void {
    for (const node of this.byNode.keys()) if (!node.isConnected) this.forget(node);
  }

  clear(): void {
    this.highlight?.clear();
    this.byNode.clear();
  }

  get isEmpty(): boolean {
    return this.byNode.size === 0;
  }

  /** Distinct references, in the order they were found. */
  refs(): string[] {
    return [...new Set([...this.byNode.values()].flatMap((entries) => entries.map((entry) => entry.ref)))];
  }

  /** The reference under the viewport point, if any. */
  hit(x: number, y: number): RefHit | null {
    const caret = this.doc.caretRangeFromPoint?.(x, y);
    const node = caret?.startContainer;
    if (!caret || node?.nodeType !== Node.TEXT_NODE) return null;
    for (const { ref, range } of this.byNode.get(node as Text) ?? []) {
      // The caret snaps to the nearest character, so also require the point inside the text's boxes.
      if (caret.startOffset < range.startOffset || caret.startOffset > range.endOffset) continue;
      for (const rect of range.getClientRects()) if (within(rect, x, y)) return { ref, rect };
    }
    return null;
  }

  dispose(): void {
    this.clear();
    if (this.highlight && CSS.highlights.get(HIGHLIGHT_NAME) === this.highlight) CSS.highlights.delete(HIGHLIGHT_NAME);
  }

  private set(node: Text, matches: RefMatch[]): void {
    this.forget(node);
    const entries = matches.map(({ ref, start, end }) => {
      const range = this.doc.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      this.highlight?.add(range);
      return { ref, range };
    });
    this.byNode.set(node, entries);
  }

  private forget(node: Text): void {
    for (const { range } of this.byNode.get(node) ?? []) this.highlight?.delete(range);
    this.byNode.delete(node);
  }
}
