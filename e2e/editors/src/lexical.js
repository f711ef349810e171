// HubSpot's composer as Lexical (rich text + history) on the saved contenteditable.
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { registerRichText } from '@lexical/rich-text';
import { $getRoot, createEditor } from 'lexical';
import { deskConfig, expose } from './desk.js';

const { editor: el, send } = deskConfig();
el.replaceChildren();
const editor = createEditor({ namespace: 'hubspot-reply', onError: (error) => { throw error; } });
editor.setRootElement(el);
registerRichText(editor);
registerHistory(editor, createEmptyHistoryState(), 300);
const modelText = () => editor.getEditorState().read(() => $getRoot().getTextContent());
// HubSpot enables Send from the editor state.
const sync = () => { if (send) send.disabled = modelText().trim() === ''; };
editor.registerUpdateListener(sync);
sync();
expose('Lexical', { modelText });
