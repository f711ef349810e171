// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { detectEditorKind } from './kind';

function first(html: string): Element {
  document.body.innerHTML = html;
  return document.querySelector('[data-probe]') ?? document.body.firstElementChild!;
}

describe('detectEditorKind', () => {
  it.each([
    ['<div class="ck ck-content ck-editor__editable" contenteditable="true"><p>x</p></div>', 'ckeditor5'],
    ['<div class="ProseMirror" contenteditable="true"><p data-probe>inner paragraph</p></div>', 'prosemirror'],
    ['<div data-slate-editor="true" contenteditable="true"><p>x</p></div>', 'slate'],
    ['<div data-lexical-editor="true" contenteditable="true"><p>x</p></div>', 'lexical'],
    ['<div class="public-DraftEditor-content" contenteditable="true"><div data-contents="true"></div></div>', 'draft'],
    ['<div contenteditable="true"><div data-contents="true"></div></div>', 'draft'],
    ['<div class="ql-editor" contenteditable="true"><p>x</p></div>', 'quill'],
    ['<div class="fr-element fr-view" contenteditable="true"></div>', 'froala'],
    ['<div class="note-editable" contenteditable="true"></div>', 'summernote'],
    ['<div class="redactor-editor" contenteditable="true"></div>', 'redactor'],
    ['<div class="redactor-box"><div class="redactor-styles" contenteditable="true" data-probe></div></div>', 'redactor'],
    ['<iframe class="cke_wysiwyg_frame cke_reset"></iframe>', 'ckeditor4'],
    ['<div contenteditable="true"><span data-probe>deep</span></div>', 'contenteditable'],
    ['<div contenteditable=""></div>', 'contenteditable'],
    ['<textarea></textarea>', 'textarea'],
  ])('%s → %s', (html, kind) => {
    expect(detectEditorKind(first(html))).toBe(kind);
  });

  it.each([
    ['<input type="search">'],
    ['<div><p>read only</p></div>'],
    ['<div contenteditable="false"></div>'],
    ['<iframe src="about:blank"></iframe>'],
  ])('%s is not an editor', (html) => {
    expect(detectEditorKind(first(html))).toBeNull();
  });

  it('names the outer editor when an editable island sits inside it', () => {
    const el = first('<div class="ProseMirror" contenteditable="true"><figure contenteditable="false"><figcaption contenteditable="true" data-probe>cap</figcaption></figure></div>');
    expect(detectEditorKind(el)).toBe('prosemirror');
  });
});
