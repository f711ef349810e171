// Help Scout's composer: Slate + slate-react on React 18, the Send button rendered by React from the
// editor's value (so a DOM-only change can't enable it).
import { StrictMode, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { createEditor, Editor, Node } from 'slate';
import { withHistory } from 'slate-history';
import { Editable, Slate, withReact } from 'slate-react';
import { deskAttributes, deskConfig, expose, slotFor } from './desk.js';

const { editor: el, send } = deskConfig();
const { 'data-slate-editor': _a, 'data-slate-node': _b, ...attributes } = deskAttributes(el);
const mount = slotFor(el);
const sendSlot = send ? slotFor(send, 'span') : null;
const initial = [{ type: 'paragraph', children: [{ text: '' }] }];

function Composer() {
  const editor = useMemo(() => withHistory(withReact(createEditor())), []);
  const [value, setValue] = useState(initial);
  expose('Slate', { modelText: () => editor.children.map((block) => Node.string(block)).join('\n'), editor, Editor });
  const empty = value.every((block) => Node.string(block).trim() === '');
  return (
    <Slate editor={editor} initialValue={initial} onChange={setValue}>
      <Editable {...attributes} renderElement={({ attributes: a, children }) => <p {...a}>{children}</p>} />
      {sendSlot && createPortal(<button type="button" data-cy="SendButton" disabled={empty}>Send</button>, sendSlot)}
    </Slate>
  );
}

createRoot(mount).render(<StrictMode><Composer /></StrictMode>);
