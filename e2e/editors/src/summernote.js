// FreeScout's composer: Summernote on its hidden textarea (the lite build: FreeScout's Bootstrap 3
// theme only changes the toolbar's look).
import $ from 'jquery';
import 'summernote/dist/summernote-lite.js';
import { deskConfig, expose } from './desk.js';

const { editor: el } = deskConfig();
const textarea = $(el.closest('form').querySelector('textarea#body'));
el.closest('.note-editor').remove(); // the saved, inert copy of what Summernote draws
textarea.summernote({ height: 120, focus: false });
const editable = document.querySelector('.note-editable');
editable.setAttribute('aria-label', 'Reply');
// The model: Summernote's `code` (what FreeScout submits), as text.
const modelText = () => {
  const box = document.createElement('div');
  box.innerHTML = textarea.summernote('code');
  return [...box.childNodes].map((node) => node.textContent).join('\n');
};
expose('Summernote', { version: $.summernote.version, modelText, code: () => textarea.summernote('code') });
