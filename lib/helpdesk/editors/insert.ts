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
}

const DEFAULT_DEPS: InsertDeps = {
  strategies: DEFAULT_STRATEGIES,
  settle: () => new Promise((resolve) => setTimeout(resolve, 0)),
};

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
function occurrences(haystack: string, needle: string): number {
  const squash = (s: string) => s.replace(/[\s\u00a0\u200b\ufeff]+/g, '');
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
 * disabled), reads it back, and falls through to the next strategy when it did not take.
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
  const failures: string[] = [];
  for (const name of PIPELINES[kind]) {
    placeCaretAtEnd(editable);
    await deps.settle(); // Slate and CKEditor 5 pick the selection up on selectionchange
    let failure = 'the editor did not take the text';
    try {
      deps.strategies[name](editable, insertion);
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    await deps.settle();
    // Read back even after an error: an editor may have taken the text and still reported failure,
    // and trying the next strategy then would insert it twice.
    if (occurrences(currentText(editable), text) > before) return { ok: true, method: name };
    failures.push(`${name}: ${failure}`);
  }
  return { ok: false, reason: `The ${kind} reply editor did not accept the text (${failures.join('; ')}).` };
}
