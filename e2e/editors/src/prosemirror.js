// Intercom's and Front's composers: ProseMirror with history and its undo keys.
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { schema } from 'prosemirror-schema-basic';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { deskAttributes, deskConfig, expose, slotFor } from './desk.js';

const { editor: el, send } = deskConfig();
const attributes = deskAttributes(el);
const parent = slotFor(el);
const modelText = () => view.state.doc.textBetween(0, view.state.doc.content.size, '\n');
const sync = () => { if (send) send.disabled = modelText().trim() === ''; };
const view = new EditorView(parent, {
  state: EditorState.create({ schema, plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Mod-Shift-z': redo })] }),
  attributes: { ...attributes, class: `${attributes.class ?? ''}`.replace(/\bProseMirror\b/, '').trim() },
  dispatchTransaction(tr) {
    view.updateState(view.state.apply(tr));
    sync();
  },
});
sync();
expose('ProseMirror', { modelText });
