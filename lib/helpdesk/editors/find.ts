import { isTextField } from '../dom';
import type { EditorFinders } from '../types';
import { detectEditorKind, editableRoot, isCkeditor4Frame } from './kind';

type Scope = Document | Element;

/** The first element along a selector chain that really is an editor (skips read-only look-alikes). */
export function firstEditor(scope: Scope, chain: readonly string[], accept: (el: Element) => boolean = () => true): Element | null {
  for (const selector of chain) {
    for (const el of scope.querySelectorAll(selector)) {
      if (detectEditorKind(el) && accept(el)) return el;
    }
  }
  return null;
}

function isVisible(el: Element): boolean {
  if ('checkVisibility' in el && typeof el.checkVisibility === 'function') return el.checkVisibility();
  const view = el.ownerDocument.defaultView;
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return false;
    const style = view?.getComputedStyle(node);
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
}

const REPLY_HINT = /reply|respon|compose|message|comment|answer|body/i;

/** Whether the element or its form says it is for writing a reply (ids, names, ARIA, placeholders). */
function looksLikeReply(el: Element): boolean {
  const form = el.closest('form');
  const owners = form ? [el, form] : [el];
  return owners.some((owner) => [...owner.attributes].some((attr) => attr.name !== 'style' && REPLY_HINT.test(attr.value)));
}

function area(el: Element): number {
  const rect = el.getBoundingClientRect();
  return rect.width * rect.height;
}

/**
 * Editors on a page: textareas that are not read-only, contenteditable roots and CKEditor 4 frames.
 * A textarea that a rich editor hides (Summernote, Redactor, CKEditor 4) drops out as invisible.
 */
function editorCandidates(scope: Scope): Element[] {
  const found = new Set<Element>();
  for (const el of scope.querySelectorAll('textarea, [contenteditable]:not([contenteditable="false"]), iframe.cke_wysiwyg_frame')) {
    if (isCkeditor4Frame(el)) found.add(el);
    else if (isTextField(el)) {
      if (!el.readOnly && !el.disabled) found.add(el);
    } else {
      const root = editableRoot(el);
      if (root) found.add(root);
    }
  }
  return [...found].filter(isVisible);
}

/**
 * The largest visible reply editor, for desks whose composer markup is unknown or unverified.
 * Editors that name themselves a reply win over others (search boxes, note fields); size decides
 * among those, then document order.
 */
export function largestReplyEditor(scope: Scope): Element | null {
  const candidates = editorCandidates(scope);
  const replies = candidates.filter(looksLikeReply);
  const pool = replies.length > 0 ? replies : candidates;
  let best: Element | null = null;
  let bestArea = -1;
  for (const el of pool) {
    const size = area(el);
    if (size > bestArea) [best, bestArea] = [el, size];
  }
  return best;
}

/** The finders handed to an adapter's `findReplyEditor`, `composerArea` and `sendButton`. */
export const EDITORS: EditorFinders = { firstEditor, largestReplyEditor };
