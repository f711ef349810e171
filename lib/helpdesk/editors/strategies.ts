import { isTextField } from '../dom';

/**
 * One way of putting text into an editor. It throws when the browser or element can't do it, and
 * returns true when a page handler cancelled the event it sent: the editor claimed the text for its
 * model, though it may draw it only later. Whether the text landed is decided by reading it back.
 */
export type InsertStrategy = (editable: HTMLElement, text: string) => boolean;
export type StrategyName = 'paste' | 'beforeinput' | 'execCommand' | 'setRangeText';

function windowOf(el: Element): Window & typeof globalThis {
  const win = el.ownerDocument.defaultView;
  if (!win) throw new Error('the editor is not in a live document');
  return win;
}

/**
 * A synthetic paste with text/plain only: ProseMirror, CKEditor 5, Draft and Quill run their own
 * clipboard pipeline on it and update their model (the browser adds nothing for untrusted events,
 * so there is no double insert). Constructors come from the editor's window (CKEditor 4 iframes).
 */
const paste: InsertStrategy = (editable, text) => {
  const win = windowOf(editable);
  if (typeof win.DataTransfer !== 'function' || typeof win.ClipboardEvent !== 'function') {
    throw new Error('synthetic paste is unsupported here');
  }
  const clipboardData = new win.DataTransfer();
  clipboardData.setData('text/plain', text);
  return !editable.dispatchEvent(new win.ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
};

/** Slate inserts from `beforeinput` (insertText) at its current selection. */
const beforeinput: InsertStrategy = (editable, text) => {
  const win = windowOf(editable);
  return !editable.dispatchEvent(new win.InputEvent('beforeinput', { inputType: 'insertText', data: text, bubbles: true, cancelable: true }));
};

/**
 * The browser's own editing command: fires trusted input events and keeps undo working. Plain
 * contenteditable, Froala, Summernote, Redactor, Lexical and CKEditor 4 (in the iframe's document).
 */
const execCommand: InsertStrategy = (editable, text) => {
  const doc = editable.ownerDocument;
  if (typeof doc.execCommand !== 'function') throw new Error('execCommand is unavailable');
  if (!doc.execCommand('insertText', false, text)) throw new Error('execCommand refused insertText');
  return false; // it fires `input` but no `beforeinput`: engines that insert on beforeinput never see it
};

/** Textareas: insert at the caret, then tell frameworks (React's value tracker) via `input`. */
const setRangeText: InsertStrategy = (editable, text) => {
  if (!isTextField(editable)) throw new Error('not a text field');
  const at = editable.selectionEnd ?? editable.value.length;
  editable.setRangeText(text, at, at, 'end');
  editable.dispatchEvent(new (windowOf(editable).Event)('input', { bubbles: true }));
  return false;
};

export const DEFAULT_STRATEGIES: Readonly<Record<StrategyName, InsertStrategy>> = { paste, beforeinput, execCommand, setRangeText };
