// Zammad's composer: its own code over the browser's plain contenteditable (not on npm). The
// browser is the engine here, so the DOM is the model and the browser's undo stack is the undo.
import { deskConfig, expose } from './desk.js';

const { editor: el } = deskConfig();
expose('contenteditable', { modelText: () => el.innerText });
