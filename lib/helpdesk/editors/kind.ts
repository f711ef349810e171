import { isTextField } from '../dom';

export const EDITOR_KINDS = [
  'ckeditor5', 'ckeditor4', 'prosemirror', 'slate', 'lexical', 'draft', 'quill',
  'froala', 'summernote', 'redactor', 'contenteditable', 'textarea',
] as const;
export type EditorKind = (typeof EDITOR_KINDS)[number];

const EDITABLE = '[contenteditable]:not([contenteditable="false"])';

/**
 * Framework signatures on the editable root, most specific first (Briskine's approach: detect the
 * editor framework, not the site, so one insertion pipeline serves every desk that embeds it).
 */
const SIGNATURES: readonly (readonly [Exclude<EditorKind, 'ckeditor4' | 'contenteditable' | 'textarea'>, (root: Element) => boolean])[] = [
  ['ckeditor5', (root) => root.matches('.ck-editor__editable, .ck-content')],
  ['prosemirror', (root) => root.matches('.ProseMirror')],
  ['slate', (root) => root.matches('[data-slate-editor]')],
  ['lexical', (root) => root.matches('[data-lexical-editor]')],
  // Draft's root is `.public-DraftEditor-content`; `[data-contents]` is its direct child.
  ['draft', (root) => root.matches('.public-DraftEditor-content') || root.querySelector(':scope > [data-contents]') !== null],
  ['quill', (root) => root.matches('.ql-editor')],
  ['froala', (root) => root.matches('.fr-element')],
  ['summernote', (root) => root.matches('.note-editable')],
  // Redactor renamed its editable across majors: .redactor_editor (v9), .redactor-editor (v10), .redactor-in (v3).
  ['redactor', (root) => root.matches('.redactor_editor, .redactor-editor, .redactor-in') || root.closest('.redactor-box') !== null],
];

/** The outermost contenteditable containing `el` (editors nest editable islands inside the root). */
export function editableRoot(el: Element): HTMLElement | null {
  let root = el.closest<HTMLElement>(EDITABLE);
  for (let up = root?.parentElement?.closest<HTMLElement>(EDITABLE); up; up = up.parentElement?.closest<HTMLElement>(EDITABLE)) {
    root = up;
  }
  return root ?? null;
}

/** CKEditor 4's classic editor edits the body of a same-origin `about:blank` iframe. */
export function isCkeditor4Frame(el: Element): el is HTMLIFrameElement {
  return el.tagName === 'IFRAME' && el.classList.contains('cke_wysiwyg_frame');
}

/** The editor framework behind `el` (or any element inside it); null when `el` is not editable. */
export function detectEditorKind(el: Element): EditorKind | null {
  if (isCkeditor4Frame(el) || el.matches('body.cke_editable')) return 'ckeditor4';
  if (el.tagName === 'TEXTAREA') return 'textarea';
  if (isTextField(el)) return null; // single-line inputs are search boxes and subjects, never replies
  const root = editableRoot(el);
  if (!root) return null;
  return SIGNATURES.find(([, matches]) => matches(root))?.[0] ?? 'contenteditable';
}
