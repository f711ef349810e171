import { isTextField } from '../dom';
import { detectEditorKind, editableRoot, isCkeditor4Frame, type EditorKind } from './kind';
import { DEFAULT_STRATEGIES, type InsertStrategy, type StrategyName } from './strategies';

export type InsertResult = { ok: true; method: StrategyName } | { ok: false; reason: string };

/** Each editor's own input pipeline first, then the next most likely to be honoured. */
export const PIPELINES: Readonly<Record<EditorKind, readonly StrategyName[]>> = {
  ckeditor5: ['paste', 'beforeinput'],
  prosemirror: ['paste', 'execCommand'],
  draft: ['paste', 'execCommand'],
  quill: ['paste', 'execCommand'],
  slate: ['beforeinput', 'paste'],
  lexical: ['execCommand', 'paste'],
  froala: ['execCommand', 'paste'],
  summernote: ['execCommand', 'paste'],
  redactor: ['execCommand', 'paste'],
  ckeditor4: ['execCommand', 'paste'],
  contenteditable: ['execCommand', 'paste'],
  textarea: ['setRangeText', 'execCommand'],
};

export interface InsertDeps {
  strategies: Readonly<Record<StrategyName, InsertStrategy>>;
  /** Waits for the editor to react (selection sync, model → DOM render) before the next step. */
  settle: () => Promise<void>;
  /** Polls `check` after each settle until it holds (true) or `ms` have passed (false). */
  waitFor: (check: () => boolean, ms: number) => Promise<boolean>;
}

const settleTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const DEFAULT_DEPS: InsertDeps = {
  strategies: DEFAULT_STRATEGIES,
  settle: settleTurn,
  waitFor: async (check, ms) => {
    const end = Date.now() + ms;
    // The first look comes after a turn, so a DOM edit the engine reverts (ProseMirror, CKEditor 5)
    // is gone by then; timers, not frames, because a background tab gets no animation frames.
    for (;;) {
      await settleTurn();
      if (check()) return true;
      if (Date.now() >= end) return false;
      await new Promise((resolve) => setTimeout(resolve, 16));
    }
  },
};

/**
 * How long an editor may take to draw what it took. slate-react on React 18 commits ~50 ms after
 * the `beforeinput` it cancelled; an editor that cancelled the event gets longer, since it has the
 * text and another strategy would insert it a second time.
 */
export const READ_BACK_MS = 250;
export const CLAIMED_READ_BACK_MS = 1500;

/** The element that holds the text: a textarea, a contenteditable root, or CKEditor 4's iframe body. */
function resolveEditable(target: Element): HTMLElement | string {
  if (isCkeditor4Frame(target)) {
    // Same-origin about:blank, so reachable from the isolated world without all_frames.
    return target.contentDocument?.body ?? 'the editor frame is not reachable';
  }
  if (isTextField(target)) return target;
  return editableRoot(target) ?? 'the element is not editable';
}

function currentText(editable: HTMLElement): string {
  return isTextField(editable) ? editable.value : editable.textContent ?? '';
}

/** Editors re-flow whitespace (paragraphs, nbsp), so compare without it. */
const squash = (s: string) => s.replace(/[\s\u00a0\u200b\ufeff]+/g, '');

function occurrences(haystack: string, needle: string): number {
  const hay = squash(haystack);
  const pin = squash(needle);
  let count = 0;
  for (let at = hay.indexOf(pin); at !== -1; at = hay.indexOf(pin, at + pin.length)) count++;
  return count;
}

function placeCaretAtEnd(editable: HTMLElement): void {
  editable.focus({ preventScroll: true });
  if (isTextField(editable)) {
    editable.setSelectionRange(editable.value.length, editable.value.length);
    return;
  }
  const doc = editable.ownerDocument;
  const range = doc.createRange();
  range.selectNodeContents(editable);
  range.collapse(false);
  const selection = doc.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/**
 * Inserts `text` as plain text at the end of a reply editor through that editor's own input
 * pipeline (never innerHTML: editors revert it or fall out of step with their model, leaving Send
 * disabled), reads it back, and tries the next strategy only when the last one left nothing behind:
 * an editor that claimed the event, or changed at all, is never given the text a second way.
 */
export async function insertText(target: Element, text: string, deps: InsertDeps = DEFAULT_DEPS): Promise<InsertResult> {
  const kind = detectEditorKind(target);
  if (!kind) return { ok: false, reason: 'The element is not a text editor.' };
  if (!text.trim()) return { ok: false, reason: 'There is no text to insert.' };
  const editable = resolveEditable(target);
  if (typeof editable === 'string') return { ok: false, reason: `Cannot reach the reply editor: ${editable}.` };

  const existing = currentText(editable);
  // Keep the update off the agent's last word without adding markup.
  const insertion = existing.trim() && !/\s$/.test(existing) ? ` ${text}` : text;
  const before = occurrences(existing, text);
  const landed = () => occurrences(currentText(editable), text) > before;
  const failures: string[] = [];
  for (const name of PIPELINES[kind]) {
    placeCaretAtEnd(editable);
    await deps.settle(); // Slate and CKEditor 5 pick the selection up on selectionchange
    const snapshot = squash(currentText(editable));
    let claimed = false;
    let failure = 'the editor did not take the text';
    try {
      claimed = deps.strategies[name](editable, insertion);
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    // Read back even after an error: an editor may have taken the text and still reported failure.
    if (await deps.waitFor(landed, claimed ? CLAIMED_READ_BACK_MS : READ_BACK_MS)) return { ok: true, method: name };
    if (claimed) {
      return { ok: false, reason: `The ${kind} reply editor took the text (${name}) but does not show it; it was not inserted a second way.` };
    }
    if (squash(currentText(editable)) !== snapshot) {
      return { ok: false, reason: `The ${kind} reply editor changed but the text does not read back (${name}); it was not inserted a second way.` };
    }
    failures.push(`${name}: ${failure}`);
  }
  return { ok: false, reason: `The ${kind} reply editor did not accept the text (${failures.join('; ')}).` };
}
