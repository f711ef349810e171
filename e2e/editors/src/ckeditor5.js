// Zendesk's composer: CKEditor 5 (inline editor on the saved editable, which keeps its test id).
import { Essentials, InlineEditor, Paragraph, version } from 'ckeditor5';
import { deskConfig, expose } from './desk.js';

const { editor: el, send } = deskConfig();
const editor = await InlineEditor.create(el, { licenseKey: 'GPL', plugins: [Essentials, Paragraph] });
const modelText = () => [...editor.model.document.getRoot().getChildren()]
  .map((block) => [...block.getChildren()].map((node) => node.data ?? '').join('')).join('\n');
// Zendesk enables "Submit as …" from the editor's data, not the DOM.
const sync = () => { if (send) send.disabled = modelText().trim() === ''; };
editor.model.document.on('change:data', sync);
sync();
expose('CKEditor 5', { version, modelText, data: () => editor.getData() });
