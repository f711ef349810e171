import { findIncidentRefs, fromNumber } from '@/lib/incident-io/reference';

export interface RefMatch {
  /** Normalised, e.g. `INC-123`. */
  ref: string;
  start: number;
  end: number;
}

/** Cheap pre-filter; most text nodes on a help-desk page contain no reference at all. */
const MAYBE_REF = /inc-\d/i;

/** Whether a text could hold a reference (false means it certainly holds none). */
export const mayHoldRef = (text: string) => MAYBE_REF.test(text);
const CANDIDATE = /inc-\d+/gi;
/**
 * reference.ts's boundary rule (no letter, number, `_` or `-` before; no letter, number or `_`
 * after) for ASCII neighbours, where `\p{L}`/`\p{N}` are exactly `[A-Za-z]`/`[0-9]`. Its Unicode
 * pattern takes milliseconds to compile, on every page load, so it is only used (compiled) for
 * the rare candidate with a non-ASCII neighbour.
 */
const GLUED_BEFORE = /[A-Za-z0-9_-]/;
const GLUED_AFTER = /[A-Za-z0-9_]/;
const isAscii = (char: string) => char.charCodeAt(0) < 0x80;

/** The reference a candidate stands for, by reference.ts's rules, or null. */
function confirm(text: string, start: number, end: number): string | null {
  const before = text.charAt(start - 1);
  const after = text.charAt(end);
  if ((before && !isAscii(before)) || (after && !isAscii(after))) {
    // Two units each side: a neighbour outside the BMP is a surrogate pair.
    return findIncidentRefs(text.slice(Math.max(0, start - 2), end + 2))[0] ?? null;
  }
  if (GLUED_BEFORE.test(before) || GLUED_AFTER.test(after)) return null;
  // The candidate is "inc-" and digits: only the number is left to check.
  return fromNumber(text.slice(start + 4, end))?.reference ?? null;
}

/** Every `INC-n` in a text with its offsets; what counts as a reference is reference.ts's rule. */
export function refMatches(text: string): RefMatch[] {
  if (!MAYBE_REF.test(text)) return [];
  const found: RefMatch[] = [];
  for (const candidate of text.matchAll(CANDIDATE)) {
    const start = candidate.index;
    const end = start + candidate[0].length;
    const ref = confirm(text, start, end);
    if (ref) found.push({ ref, start, end });
  }
  return found;
}

/** Text that is not message content: code, styles, and anything the agent is typing. */
const SKIP = 'script, style, noscript, textarea, input, [contenteditable]:not([contenteditable="false"])';

export interface TextRefs {
  node: Text;
  matches: RefMatch[];
}

/**
 * The text nodes under `root` (itself included) that hold references, with their matches. A root
 * whose text holds no candidate costs one native `textContent` and one regex test: that is what
 * keeps a 2,000-message ticket cheap (Chromium's XPath and per-node filters measured slower).
 */
export function textNodesWithRefs(root: Node): TextRefs[] {
  if (!MAYBE_REF.test(root.textContent ?? '')) return [];
  const accept = (node: Text): TextRefs[] => {
    const matches = refMatches(node.data);
    return matches.length && !node.parentElement?.closest(SKIP) ? [{ node, matches }] : [];
  };
  if (root.nodeType === Node.TEXT_NODE) return accept(root as Text);
  const found: TextRefs[] = [];
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) found.push(...accept(node));
  return found;
}
